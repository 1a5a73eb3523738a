"""`serve`: the gRPC server with LearnerService, grpc.health.v1 and server reflection."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
import tomllib
from concurrent import futures
from pathlib import Path

import grpc

from swirl.v1 import learner_pb2, learner_pb2_grpc
from swirl_client.health.v1 import health_pb2, health_pb2_grpc
from swirl_learner.auth import BearerAuthInterceptor
from swirl_learner.health import HealthServicer
from swirl_learner.metrics import LearnerMetrics, MetricsInterceptor, start_metrics_http_server, stop_metrics_http_server
from swirl_learner.server_reflection import add_reflection_to_server
from swirl_learner.server_security import ServerSecurity
from swirl_learner.service import LearnerService

SERVICE_NAME = learner_pb2.DESCRIPTOR.services_by_name["LearnerService"].full_name
HEALTH_SERVICE_NAME = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
MAX_MESSAGE_BYTES = 256 * 1024 * 1024  # a 4096-sequence TrainStep is far above gRPC's 4 MB default
LEARNER_VERSION: str = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]["version"]


def build_server(
    host: str, port: int, checkpoint_root: Path, export_root: Path, metrics: LearnerMetrics | None = None,
    security: ServerSecurity = ServerSecurity(),
) -> tuple[grpc.Server, int, HealthServicer, LearnerService]:
    interceptors: list[grpc.ServerInterceptor] = []
    # Metrics first: grpc runs the list outermost first, so the calls auth rejects are counted too.
    if metrics is not None:
        interceptors.append(MetricsInterceptor(metrics, SERVICE_NAME))
    if security.auth_token is not None:
        interceptors.append(BearerAuthInterceptor(security.auth_token, frozenset({HEALTH_SERVICE_NAME})))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=8),
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            # The TypeScript clients ping every 30 s, also while a long TrainStep is in flight;
            # C-core's default (one ping per 5 min) would answer with GOAWAY too_many_pings.
            # Same floor as grpc-kit's servers: pings every 10 s or more.
            ("grpc.http2.min_recv_ping_interval_without_data_ms", 10_000),
            ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
            ("grpc.keepalive_permit_without_calls", 1),
        ],
        interceptors=interceptors,
    )
    learner = LearnerService(checkpoint_root, export_root)
    learner_pb2_grpc.add_LearnerServiceServicer_to_server(learner, server)
    health = HealthServicer([SERVICE_NAME])
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    add_reflection_to_server(server, [SERVICE_NAME, HEALTH_SERVICE_NAME])
    address = f"{host}:{port}"
    bound = server.add_insecure_port(address) if security.credentials is None else server.add_secure_port(address, security.credentials)
    if bound == 0:
        raise OSError(f"cannot bind {host}:{port}")
    return server, bound, health, learner


def serve(
    host: str, port: int, checkpoint_root: Path, export_root: Path, metrics_port: int = -1, security: ServerSecurity = ServerSecurity()
) -> int:
    """Runs until SIGTERM/SIGINT. `metrics_port` -1: no /metrics; 0: any free port."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    metrics = LearnerMetrics(LEARNER_VERSION) if metrics_port >= 0 else None
    server, bound, health, _ = build_server(host, port, checkpoint_root, export_root, metrics, security)
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
    listening = {
        "msg": "listening", "port": bound, "metricsPort": metrics_bound, "host": host, "service": SERVICE_NAME,
        "tls": security.tls, "mtls": security.client_auth, "auth": security.auth_token is not None,
    }
    print(json.dumps(listening, separators=(",", ":")), file=sys.stderr, flush=True)
    stop.wait()
    server.stop(grace=10).wait()
    if metrics_http is not None:
        stop_metrics_http_server(metrics_http)
    print(json.dumps({"msg": "stopped"}, separators=(",", ":")), file=sys.stderr, flush=True)
    return 0
