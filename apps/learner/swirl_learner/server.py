"""`serve`: the gRPC server with LearnerService, grpc.health.v1 and server reflection."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import tomllib
from collections.abc import Sequence
from concurrent import futures
from pathlib import Path

import grpc

from swirl.v1 import learner_pb2, learner_pb2_grpc
from swirl_client.health.v1 import health_pb2, health_pb2_grpc
from swirl_learner.health import HealthServicer
from swirl_learner.metrics import LearnerMetrics, MetricsInterceptor, start_metrics_http_server, stop_metrics_http_server
from swirl_learner.server_reflection import add_reflection_to_server
from swirl_learner.service import LearnerService

SERVICE_NAME = learner_pb2.DESCRIPTOR.services_by_name["LearnerService"].full_name
HEALTH_SERVICE_NAME = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
MAX_MESSAGE_BYTES = 256 * 1024 * 1024  # a 4096-sequence TrainStep is far above gRPC's 4 MB default
LEARNER_VERSION: str = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]["version"]


def build_server(
    host: str, port: int, checkpoint_root: Path, export_root: Path, metrics: LearnerMetrics | None = None
) -> tuple[grpc.Server, int, HealthServicer, LearnerService]:
    interceptors: Sequence[grpc.ServerInterceptor] = [] if metrics is None else [MetricsInterceptor(metrics, SERVICE_NAME)]
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=8),
        options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES), ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)],
        interceptors=interceptors,
    )
    learner = LearnerService(checkpoint_root, export_root)
    learner_pb2_grpc.add_LearnerServiceServicer_to_server(learner, server)
    health = HealthServicer([SERVICE_NAME])
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    add_reflection_to_server(server, [SERVICE_NAME, HEALTH_SERVICE_NAME])
    bound = server.add_insecure_port(f"{host}:{port}")
    if bound == 0:
        raise OSError(f"cannot bind {host}:{port}")
    return server, bound, health, learner


def serve(host: str, port: int, checkpoint_root: Path, export_root: Path, metrics_port: int = -1) -> int:
    """Runs until SIGTERM/SIGINT. `metrics_port` -1: no /metrics; 0: any free port."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    metrics = LearnerMetrics(LEARNER_VERSION) if metrics_port >= 0 else None
    server, bound, health, _ = build_server(host, port, checkpoint_root, export_root, metrics)
    metrics_http, metrics_bound = start_metrics_http_server(metrics, host, metrics_port) if metrics is not None else (None, None)
    server.start()
    health.set_all(health_pb2.HealthCheckResponse.SERVING)
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        health.set_all(health_pb2.HealthCheckResponse.NOT_SERVING)  # drain: stop new traffic first
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    # Announced only once the handlers are in place: a supervisor may send SIGTERM at once.
    listening = {"msg": "listening", "port": bound, "metricsPort": metrics_bound, "host": host, "service": SERVICE_NAME}
    print(json.dumps(listening, separators=(",", ":")), file=sys.stderr, flush=True)
    stop.wait()
    server.stop(grace=10).wait()
    if metrics_http is not None:
        stop_metrics_http_server(metrics_http)
    print(json.dumps({"msg": "stopped"}, separators=(",", ":")), file=sys.stderr, flush=True)
    return 0
