"""Starts the swirl services that exist as local processes on free loopback ports, the way a user
runs them, and stops them cleanly. Used by tools/ci/stack-metrics.sh (with a real Prometheus) and
by clients/python/tests/test_stack_main_rpcs.py.

To add a service (judge, coordinator, trainer): one entry in SERVICES, one caller in
clients/python/tests/test_stack_main_rpcs.py (the test fails until both exist).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
LEARNER = REPO / "apps" / "learner"
sys.path.insert(0, str(REPO / "clients" / "python" / "src"))

import grpc  # noqa: E402

from swirl_client.health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

MODEL_NAME = "tiny"


@dataclass(frozen=True)
class StackPaths:
    """Inputs every service command may need."""

    work: Path  # scratch directory of this stack run
    data_dir: Path  # SWIRL_DATA_DIR (benchmark corpora)
    model_dir: Path  # the tiny decoder exported by the learner


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    # grpc.health.v1 name that turns SERVING when the service is ready.
    health_service: str
    command: Callable[[StackPaths], list[str]]
    # The RPCs its caller (clients/python/tests/test_stack_main_rpcs.py) makes: each must show up
    # in Prometheus as grpc_server_handled_total{grpc_code="OK"}.
    main_methods: tuple[str, ...]
    # Domain counters those calls must move (checked in Prometheus).
    domain_series: tuple[str, ...]
    cwd: Path = REPO


def _node(app: str, *flags: str) -> Callable[[StackPaths], list[str]]:
    return lambda p: ["node", str(REPO / "apps" / app / "dist" / "main.js"), "--host=127.0.0.1", "--grpc-port=0", "--metrics-port=0", *flags]


SERVICES: dict[str, ServiceSpec] = {
    spec.name: spec
    for spec in [
        ServiceSpec("tools", "swirl.v1.ToolService",
                    _node("tools", "--corpora=hotpotqa-dev", f"--index-cache-dir={REPO / 'var' / 'search-index'}"),
                    ("Execute",), ("swirl_tool_executions_total",)),
        ServiceSpec("inference", "swirl.v1.InferenceService",
                    lambda p: _node("inference", "--openai-port=-1", f"--models={MODEL_NAME}@v1={p.model_dir}")(p),
                    ("Generate",), ("swirl_inference_generated_tokens_total", "swirl_inference_prompt_tokens_total")),
        ServiceSpec("learner", "swirl.v1.LearnerService",
                    lambda p: [sys.executable, "-m", "swirl_learner", "serve", "--host", "127.0.0.1", "--port", "0", "--metrics-port", "0",
                               "--checkpoint-root", str(p.work / "checkpoints"), "--export-root", str(p.work / "exports")],
                    ("Init", "TrainStep"), ("swirl_learner_train_steps_total", "swirl_learner_tokens_trained_total"), cwd=LEARNER),
        ServiceSpec("judge", "swirl.v1.JudgeService", _node("judge"), ("JudgeSteps",), ("swirl_judge_verdicts_total",)),
        # Still to join (they need a dataset and a running pipeline to show their domain series):
        # ServiceSpec("coordinator", "swirl.v1.CoordinatorService", _node("coordinator"), ("StartJob",), ("swirl_coordinator_trajectories_total",)),
        # ServiceSpec("trainer", "swirl.v1.TrainerService", _node("trainer"), ("CreateRun",), ("swirl_trainer_steps_total",)),
    ]
}


@dataclass
class RunningService:
    spec: ServiceSpec
    process: subprocess.Popen[str]
    grpc_port: int
    metrics_port: int
    log: list[str] = field(default_factory=list)

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.grpc_port}"


def data_dir() -> Path:
    return Path(os.environ.get("SWIRL_DATA_DIR") or REPO.parent / "shared" / "data")


DATA_FILES = ["hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json"]


def missing_data() -> str | None:
    """Why the stack cannot start for lack of benchmark data (the tools corpus), or None."""
    missing = [f for f in DATA_FILES if not (data_dir() / f).is_file()]
    return f"benchmark data missing under {data_dir()} ({', '.join(missing)}): set SWIRL_DATA_DIR" if missing else None


def tiny_model_dir(seed: int = 1) -> Path:
    """The learner-exported tiny decoder, cached exactly like the inference tests cache it
    (apps/inference/src/testing/tiny-decoder.test-support.ts), so both reuse one export."""
    digest = hashlib.sha256()
    package = LEARNER / "swirl_learner"
    for f in sorted(p.name for p in package.iterdir() if p.suffix == ".py"):
        digest.update(f.encode())
        digest.update((package / f).read_bytes())
    out = REPO / "var" / "test-fixtures" / f"tiny-decoder-{seed}-{digest.hexdigest()[:12]}"
    if not (out / "reference.json").is_file():
        subprocess.run([sys.executable, "-m", "swirl_learner", "export-fixture", "--out", str(out), "--seed", str(seed)],
                       cwd=LEARNER, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(LEARNER)})
    return out


def _start(spec: ServiceSpec, paths: StackPaths, timeout_s: float) -> RunningService:
    process = subprocess.Popen(spec.command(paths), cwd=spec.cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               env={**os.environ, "SWIRL_DATA_DIR": str(paths.data_dir), "PYTHONPATH": str(LEARNER)})
    assert process.stderr is not None
    deadline = time.monotonic() + timeout_s
    lines: list[str] = []
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            raise RuntimeError(f"{spec.name} exited with {process.wait()} before listening:\n{''.join(lines[-20:])}")
        lines.append(line)
        if line.startswith("{") and json.loads(line).get("msg") == "listening":
            entry = json.loads(line)
            running = RunningService(spec, process, int(entry.get("grpcPort", entry.get("port"))), int(entry["metricsPort"]), lines)
            # Keep draining the log so a full pipe never blocks the service.
            threading.Thread(target=lambda: running.log.extend(process.stderr or []), daemon=True).start()
            return running
    raise RuntimeError(f"{spec.name} did not report listening within {timeout_s} s")


def wait_serving(target: str, service: str, timeout_s: float) -> None:
    with grpc.insecure_channel(target) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        deadline = time.monotonic() + timeout_s
        status = health_pb2.HealthCheckResponse.UNKNOWN
        while time.monotonic() < deadline:
            status = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=5).status
            if status == health_pb2.HealthCheckResponse.SERVING:
                return
            time.sleep(0.2)
    raise RuntimeError(f"{service} at {target} is not SERVING after {timeout_s} s (last status {status})")


def stop(services: list[RunningService], timeout_s: float = 30) -> dict[str, int]:
    """SIGTERM to every service (graceful drain), then the exit codes."""
    for s in services:
        if s.process.poll() is None:
            s.process.send_signal(signal.SIGTERM)
    codes: dict[str, int] = {}
    for s in services:
        try:
            codes[s.spec.name] = s.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            s.process.kill()
            codes[s.spec.name] = s.process.wait()
    return codes


@contextmanager
def running_stack(work: Path, names: list[str] | None = None, timeout_s: float = 180) -> Iterator[dict[str, RunningService]]:
    """Starts the services (all of SERVICES by default), waits until each is SERVING, yields them
    by name; stops them on exit and fails if one did not exit 0."""
    problem = missing_data()
    if problem:
        raise RuntimeError(problem)
    paths = StackPaths(work=work, data_dir=data_dir(), model_dir=tiny_model_dir())
    started: list[RunningService] = []
    codes: dict[str, int] = {}
    try:
        for name in names or list(SERVICES):
            started.append(_start(SERVICES[name], paths, timeout_s))
        for s in started:
            wait_serving(s.target, s.spec.health_service, timeout_s)
        yield {s.spec.name: s for s in started}
    finally:
        codes = stop(started)
    bad = {n: c for n, c in codes.items() if c != 0}
    if bad:
        raise RuntimeError(f"services did not stop cleanly on SIGTERM: {bad}")


def stack_description(services: dict[str, RunningService], model_dir: Path) -> dict[str, object]:
    """What clients need to reach the stack (the SWIRL_STACK_FILE format)."""
    return {
        "services": {n: {"target": s.target, "metricsPort": s.metrics_port} for n, s in services.items()},
        "model": {"name": MODEL_NAME, "dir": str(model_dir)},
    }
