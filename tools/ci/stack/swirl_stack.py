"""Starts every swirl service (tools, inference, learner, judge, coordinator, trainer) as local
processes on free loopback ports, the way a user runs them, wired to each other like `swirl up`
(apps/cli/src/stack/stack-plan.ts) does, and stops them cleanly. Used by
tools/ci/stack-metrics.sh (with a real Prometheus) and by clients/python/tests/test_stack_main_rpcs.py.

The stack serves the committed base policy (models/swirl-tiny) and the synthetic world's search
corpus (seed WORLD_SEED); the coordinator and the trainer share one SQLite store in the work dir.
A service is one entry in SERVICES plus one caller in clients/python/tests/test_stack_main_rpcs.py
(the test fails until both exist).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
LEARNER = REPO / "apps" / "learner"
sys.path.insert(0, str(REPO / "clients" / "python" / "src"))

import grpc  # noqa: E402

from swirl_client.health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

# The committed base policy: inference serves it, the trainer starts its runs from its learner
# weights (model.safetensors), the learner caller uses its tokenizer and vocabulary.
POLICY_NAME = "swirl-tiny"
POLICY_VERSION = "base"
POLICY_DIR = REPO / "models" / "swirl-tiny"
# Seed of the synthetic world whose corpus the tools service serves as corpus "world" (the
# coordinator's synthetic-world tasks search it); models/swirl-tiny was trained on this world.
WORLD_SEED = 1
WORLD_CORPUS = "world"


@dataclass(frozen=True)
class StackPaths:
    """Inputs every service command may need."""

    work: Path  # scratch directory of this stack run
    data_dir: Path  # SWIRL_DATA_DIR (benchmark corpora)
    model_dir: Path  # the policy inference serves (models/swirl-tiny)
    world_corpus: Path  # the synthetic world's articles as JSONL (see world_corpus())

    @property
    def store(self) -> Path:
        """SQLite trajectory store shared by the coordinator and the trainer."""
        return self.work / "swirl.db"


# gRPC targets (host:port) of the services already running, by name.
Targets = Mapping[str, str]


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    # grpc.health.v1 name that turns SERVING when the service is ready.
    health_service: str
    # Command line; gets the targets of the services started before it (SERVICES order).
    command: Callable[[StackPaths, Targets], list[str]]
    # The RPCs its caller (clients/python/tests/test_stack_main_rpcs.py) makes: each must show up
    # in Prometheus as grpc_server_handled_total{grpc_code="OK"}.
    main_methods: tuple[str, ...]
    # Domain series those calls must move (checked in Prometheus).
    domain_series: tuple[str, ...]
    cwd: Path = REPO


def _node(app: str, flags: Callable[[StackPaths, Targets], list[str]] = lambda p, t: []) -> Callable[[StackPaths, Targets], list[str]]:
    return lambda p, t: ["node", str(REPO / "apps" / app / "dist" / "main.js"), "--host=127.0.0.1", "--grpc-port=0", "--metrics-port=0", *flags(p, t)]


def _target(targets: Targets, name: str, needed_by: str) -> str:
    if name not in targets:
        raise RuntimeError(f"{needed_by} calls {name}: start {name} before it (SERVICES order, or the names given to running_stack)")
    return targets[name]


def _coordinator_flags(p: StackPaths, t: Targets) -> list[str]:
    return [f"--store={p.store}", f"--tools-target={_target(t, 'tools', 'coordinator')}", f"--inference-target={_target(t, 'inference', 'coordinator')}",
            f"--judge-target={_target(t, 'judge', 'coordinator')}",
            f"--trainer-target={_target(t, 'trainer', 'coordinator')}", f"--data-dir={p.data_dir}", f"--world-corpus={WORLD_CORPUS}"]


def _trainer_flags(p: StackPaths, t: Targets) -> list[str]:
    # Checkpoints and exports go under one absolute directory the learner and inference also read.
    return [f"--learner-target={_target(t, 'learner', 'trainer')}", f"--inference-target={_target(t, 'inference', 'trainer')}",
            f"--judge-target={_target(t, 'judge', 'trainer')}", f"--store-path={p.store}", f"--artifacts-dir={p.work / 'artifacts'}",
            f"--base-checkpoints={POLICY_NAME}@*={p.model_dir}"]


SERVICES: dict[str, ServiceSpec] = {
    spec.name: spec
    for spec in [
        # hotpotqa-dev first: it stays the default corpus (the tools caller searches it).
        ServiceSpec("tools", "swirl.v1.ToolService",
                    _node("tools", lambda p, t: [f"--corpora=hotpotqa-dev,{WORLD_CORPUS}=jsonl:{p.world_corpus}", f"--index-cache-dir={REPO / 'var' / 'search-index'}"]),
                    ("Execute",), ("swirl_tool_executions_total",)),
        ServiceSpec("inference", "swirl.v1.InferenceService",
                    _node("inference", lambda p, t: ["--openai-port=-1", f"--models={POLICY_NAME}@{POLICY_VERSION}={p.model_dir}"]),
                    ("Generate",), ("swirl_inference_generated_tokens_total", "swirl_inference_prompt_tokens_total", "swirl_inference_inter_token_latency_seconds_count",
                     "swirl_inference_cache_positions_total")),
        ServiceSpec("learner", "swirl.v1.LearnerService",
                    lambda p, t: [sys.executable, "-m", "swirl_learner", "serve", "--host", "127.0.0.1", "--port", "0", "--metrics-port", "0",
                                  "--checkpoint-root", str(p.work / "checkpoints"), "--export-root", str(p.work / "exports")],
                    ("Init", "TrainStep"), ("swirl_learner_train_steps_total", "swirl_learner_tokens_trained_total"), cwd=LEARNER),
        ServiceSpec("judge", "swirl.v1.JudgeService", _node("judge"), ("JudgeSteps",), ("swirl_judge_verdicts_total",)),
        # (Before the coordinator, whose PIPELINE jobs call it.) A SWiRL run on the coordinator's
        # dataset: fresh samples (inference), rewards (judge), updates
        # (learner), and the final export loaded into inference.
        ServiceSpec("trainer", "swirl.v1.TrainerService", _node("trainer", _trainer_flags),
                    ("CreateRun", "WatchRun", "GetRun"),
                    ("swirl_trainer_updates_total", "swirl_trainer_learner_steps_total", "swirl_trainer_samples_total", "swirl_trainer_exports_total",
                     "swirl_trainer_checkpoints_total")),
        # A SYNTHESIZE job on the world (policy <-> tools loop) and a FILTER job (judge) into a
        # dataset version.
        ServiceSpec("coordinator", "swirl.v1.CoordinatorService", _node("coordinator", _coordinator_flags),
                    ("StartJob", "WatchJob", "GetJob", "ListTrajectories", "GetDatasetVersion"),
                    ("swirl_coordinator_jobs", "swirl_coordinator_trajectories_total", "swirl_coordinator_steps_total", "swirl_coordinator_generated_tokens_total",
                     "swirl_coordinator_tool_calls_total")),
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


def world_corpus(out: Path, seed: int = WORLD_SEED) -> Path:
    """Writes the seeded synthetic world's articles as the JSONL corpus the tools service loads
    (what `swirl up` writes; the built @swirl/world library generates them, deterministically)."""
    script = ("const fs = require('node:fs'); const { generateWorld } = require('@swirl/world');"
              "const [out, seed] = process.argv.slice(1);"
              "const articles = generateWorld({ seed: Number(seed) }).corpus;"
              "fs.writeFileSync(out, articles.map((a) => JSON.stringify(a)).join('\\n') + '\\n');")
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["node", "-e", script, str(out), str(seed)], cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"could not generate the world corpus (is libs/world built? npx nx build @swirl/world):\n{done.stderr[-2000:]}")
    return out


def _start(spec: ServiceSpec, paths: StackPaths, targets: Targets, timeout_s: float) -> RunningService:
    process = subprocess.Popen(spec.command(paths, targets), cwd=spec.cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
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
    """SIGTERM (graceful drain) in reverse start order, so no service loses a dependency while it
    still drains; returns the exit codes."""
    codes: dict[str, int] = {}
    for s in reversed(services):
        if s.process.poll() is None:
            s.process.send_signal(signal.SIGTERM)
        try:
            codes[s.spec.name] = s.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            s.process.kill()
            codes[s.spec.name] = s.process.wait()
    return codes


@contextmanager
def running_stack(work: Path, names: list[str] | None = None, timeout_s: float = 180) -> Iterator[dict[str, RunningService]]:
    """Starts the services (all of SERVICES by default) in order, each after the ones it calls
    report where they listen, waits until each is SERVING, yields them by name; stops them on exit
    and fails if one did not exit 0."""
    problem = missing_data()
    if problem:
        raise RuntimeError(problem)
    paths = StackPaths(work=work, data_dir=data_dir(), model_dir=POLICY_DIR, world_corpus=world_corpus(work / f"world-seed-{WORLD_SEED}" / "corpus.jsonl"))
    started: list[RunningService] = []
    codes: dict[str, int] = {}
    try:
        for name in names or list(SERVICES):
            started.append(_start(SERVICES[name], paths, {s.spec.name: s.target for s in started}, timeout_s))
        for s in started:
            wait_serving(s.target, s.spec.health_service, timeout_s)
        yield {s.spec.name: s for s in started}
    finally:
        codes = stop(started)
    bad = {n: c for n, c in codes.items() if c != 0}
    if bad:
        raise RuntimeError(f"services did not stop cleanly on SIGTERM: {bad}")


def stack_description(services: dict[str, RunningService]) -> dict[str, object]:
    """What clients need to reach the stack (the SWIRL_STACK_FILE format)."""
    return {
        "services": {n: {"target": s.target, "metricsPort": s.metrics_port} for n, s in services.items()},
        "model": {"name": POLICY_NAME, "version": POLICY_VERSION, "dir": str(POLICY_DIR)},
        "world": {"seed": WORLD_SEED, "corpus": WORLD_CORPUS},
    }
