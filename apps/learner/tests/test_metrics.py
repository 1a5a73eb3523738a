"""Prometheus /metrics of the learner: a real `serve` process, real gRPC calls, a real HTTP scrape.
The standard series must carry the same names, labels and code names as the TypeScript kit's
(read from its source here, so the two cannot drift apart unnoticed)."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from prometheus_client.parser import text_string_to_metric_families

from conftest import init_request, sequence
from swirl.v1 import common_pb2 as C, learner_pb2 as L, learner_pb2_grpc
from swirl_client.health.v1 import health_pb2, health_pb2_grpc
from swirl_client.reflection.v1 import reflection_pb2 as v1_pb2, reflection_pb2_grpc as v1_pb2_grpc
from swirl_client.reflection.v1alpha import reflection_pb2 as v1alpha_pb2, reflection_pb2_grpc as v1alpha_pb2_grpc
from swirl_learner.metrics import GRPC_CODE_NAMES

APP = Path(__file__).resolve().parents[1]
KIT = APP.parents[1] / "libs" / "grpc-kit" / "src"
PROMPT = [256, 260, 10, 72, 105, 262, 261, 10]
ACTION = [60, 97, 62, 262]
SERVICE = "swirl.v1.LearnerService"

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


class Learner:
    def __init__(self, tmp: Path, metrics_port: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "swirl_learner", "serve", "--host", "127.0.0.1", "--port", "0", "--metrics-port", metrics_port,
             "--checkpoint-root", str(tmp / "c"), "--export-root", str(tmp / "e")],
            cwd=APP, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(APP)},
        )
        assert self.proc.stderr is not None
        line = ""
        while '"listening"' not in line:
            line = self.proc.stderr.readline()
            assert line, "learner exited before listening"
        self.announced = json.loads(line)
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.announced['port']}")

    def scrape(self) -> Samples:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.announced['metricsPort']}/metrics", timeout=5) as res:
            text = res.read().decode()
        return {(s.name, frozenset(s.labels.items())): s.value for f in text_string_to_metric_families(text) for s in f.samples}

    def stop(self) -> int:
        self.channel.close()
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture()
def learner(tmp_path: Path) -> Iterator[Learner]:
    running = Learner(tmp_path, "0")
    yield running
    assert running.stop() == 0


def value(samples: Samples, name: str, **labels: str) -> float:
    key = (name, frozenset({"service": "learner", **labels}.items()))
    assert key in samples, f"no sample {name}{labels}; have {sorted(n for n, _ in samples if n.startswith(name))}"
    return samples[key]


def method(name: str, service: str = SERVICE, kind: str = "unary") -> dict[str, str]:
    return {"grpc_type": kind, "grpc_service": service, "grpc_method": name}


def test_standard_and_domain_series_after_real_calls(learner: Learner, tokenizer_path: Path, tmp_path: Path) -> None:
    stub = learner_pb2_grpc.LearnerServiceStub(learner.channel)
    health = health_pb2_grpc.HealthStub(learner.channel)
    assert health.Check(health_pb2.HealthCheckRequest(), timeout=5).status == health_pb2.HealthCheckResponse.SERVING
    stub.Init(init_request(tokenizer_path), timeout=60)
    steps = [stub.TrainStep(L.TrainStepRequest(step=i, loss=L.LOSS_KIND_SFT, sequences=[sequence(PROMPT, ACTION)] * 3), timeout=60) for i in (1, 2)]
    replay = stub.TrainStep(L.TrainStepRequest(step=2, loss=L.LOSS_KIND_SFT, sequences=[sequence(PROMPT, ACTION)] * 3), timeout=60)
    assert replay.replayed
    with pytest.raises(grpc.RpcError) as out_of_order:
        stub.TrainStep(L.TrainStepRequest(step=7, loss=L.LOSS_KIND_SFT, sequences=[sequence(PROMPT, ACTION)]), timeout=60)
    assert out_of_order.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    stub.Export(L.ExportRequest(request_id="x1", output_dir=str(tmp_path / "onnx"), model=C.ModelRef(name="tiny")), timeout=120)

    s = learner.scrape()
    train = method("TrainStep")
    assert value(s, "grpc_server_started_total", **train) == 4
    assert value(s, "grpc_server_handled_total", **train, grpc_code="OK") == 3
    assert value(s, "grpc_server_handled_total", **train, grpc_code="FailedPrecondition") == 1
    assert value(s, "grpc_server_handling_seconds_count", **train) == 4
    assert value(s, "grpc_server_handling_seconds_bucket", **train, le="+Inf") == 4
    assert value(s, "grpc_server_msg_received_total", **train) == 4
    assert value(s, "grpc_server_msg_sent_total", **train) == 3
    assert value(s, "grpc_server_handled_total", **method("Check", "grpc.health.v1.Health"), grpc_code="OK") == 1
    # Domain series: replays and rejected steps are not training.
    assert value(s, "swirl_learner_train_steps_total", loss="sft") == 2
    assert value(s, "swirl_learner_replayed_steps_total") == 1
    assert value(s, "swirl_learner_tokens_trained_total", loss="sft") == sum(r.loss_tokens for r in steps) == 2 * 3 * len(ACTION)
    assert value(s, "swirl_learner_sequences_trained_total", loss="sft") == 6
    assert value(s, "swirl_learner_train_step_seconds_count", loss="sft") == 2
    assert value(s, "swirl_learner_loss", loss="sft") == pytest.approx(steps[1].loss)
    assert value(s, "swirl_learner_grad_norm") == pytest.approx(steps[1].grad_norm)
    assert value(s, "swirl_learner_step") == 2
    assert value(s, "swirl_learner_exports_total") == 1
    assert value(s, "swirl_learner_checkpoints_saved_total") == 0
    assert value(s, "swirl_build_info", version="0.1.0") == 1
    assert value(s, "process_resident_memory_bytes") > 0
    assert not [n for n, _ in s if n.endswith("_created")], "prom-client has no _created series; neither may the learner"


def test_cancelled_stream_is_counted_as_canceled(learner: Learner) -> None:
    health = health_pb2_grpc.HealthStub(learner.channel)
    watch = health.Watch(health_pb2.HealthCheckRequest(service=SERVICE))
    assert next(watch).status == health_pb2.HealthCheckResponse.SERVING
    watch.cancel()
    labels = {**method("Watch", "grpc.health.v1.Health", "server_stream"), "grpc_code": "Canceled"}
    deadline = time.monotonic() + 10  # the servicer notices the cancel at its next 1 s wake-up
    while time.monotonic() < deadline:
        s = learner.scrape()
        if ("grpc_server_handled_total", frozenset({"service": "learner", **labels}.items())) in s:
            break
        time.sleep(0.2)
    assert value(s, "grpc_server_handled_total", **labels) == 1
    assert value(s, "grpc_server_msg_sent_total", **method("Watch", "grpc.health.v1.Health", "server_stream")) == 1


def test_reflection_streams_are_counted(learner: Learner) -> None:
    # Also shows that `serve` (the real process) offers reflection, both versions.
    for pb, pb_grpc in ((v1_pb2, v1_pb2_grpc), (v1alpha_pb2, v1alpha_pb2_grpc)):
        requests = [pb.ServerReflectionRequest(list_services=""), pb.ServerReflectionRequest(file_containing_symbol=SERVICE)]
        responses = list(pb_grpc.ServerReflectionStub(learner.channel).ServerReflectionInfo(iter(requests), timeout=10))
        assert SERVICE in [x.name for x in responses[0].list_services_response.service]
        assert responses[1].file_descriptor_response.file_descriptor_proto
    s = learner.scrape()
    for version in ("v1", "v1alpha"):
        labels = method("ServerReflectionInfo", f"grpc.reflection.{version}.ServerReflection", "bidi_stream")
        assert value(s, "grpc_server_started_total", **labels) == 1
        assert value(s, "grpc_server_msg_received_total", **labels) == 2
        assert value(s, "grpc_server_msg_sent_total", **labels) == 2
        assert value(s, "grpc_server_handled_total", **labels, grpc_code="OK") == 1


def test_cancelled_reflection_stream_is_counted_once(learner: Learner) -> None:
    requests: queue.Queue[v1_pb2.ServerReflectionRequest | None] = queue.Queue()
    call = v1_pb2_grpc.ServerReflectionStub(learner.channel).ServerReflectionInfo(iter(requests.get, None))
    requests.put(v1_pb2.ServerReflectionRequest(list_services=""))
    assert next(call).list_services_response.service
    call.cancel()  # while the server waits for the next request
    labels = method("ServerReflectionInfo", "grpc.reflection.v1.ServerReflection", "bidi_stream")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        s = learner.scrape()
        counted = {dict(ls)["grpc_code"]: v for (n, ls), v in s.items() if n == "grpc_server_handled_total" and ("grpc_method", "ServerReflectionInfo") in ls}
        if counted:
            break
        time.sleep(0.2)
    # grpcio's sync server ends the request stream of a cancelled call either with an error (seen
    # as Canceled) or, about one time in four here, like a half-close before it marks the call
    # cancelled; it then answers OK and no public API tells the two apart afterwards.
    assert counted in ({"Canceled": 1.0}, {"OK": 1.0}), counted
    assert value(s, "grpc_server_started_total", **labels) == 1
    requests.put(None)


def test_metrics_off_with_minus_one(tmp_path: Path) -> None:
    running = Learner(tmp_path, "-1")
    try:
        assert running.announced["metricsPort"] is None
    finally:
        assert running.stop() == 0


def test_series_names_labels_and_codes_match_the_typescript_kit() -> None:
    source = (KIT / "server" / "server-metrics.ts").read_text()
    kit_names = set(re.findall(r"name: '(grpc_server_[a-z_]+)'", source))
    method_labels = re.search(r"METHOD_LABELS = \[([^\]]+)\]", source)
    assert method_labels and len(kit_names) == 5
    from swirl_learner.metrics import METHOD_LABELS, LearnerMetrics

    families = {f.name for f in LearnerMetrics("t").registry.collect()}
    counters = {n.removesuffix("_total") for n in kit_names}
    assert counters <= families, f"learner lacks {counters - families}"
    assert tuple(re.findall(r"'(\w+)'", method_labels.group(1))) == METHOD_LABELS
    kit_codes = dict(re.findall(r"\[status\.([A-Z_]+), '(\w+)'\]", (KIT / "grpc-code-names.ts").read_text()))
    assert kit_codes == {code.name: name for code, name in GRPC_CODE_NAMES.items()}
