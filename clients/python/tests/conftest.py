"""Starts the built tools service as a child process, the way a user would, for the tests."""

from __future__ import annotations

import json
import os
import subprocess
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterator

import grpc
import pytest

from swirl_client import open_channel
from swirl_client.health.v1 import health_pb2, health_pb2_grpc

REPO = Path(__file__).resolve().parents[3]
DATA_FILES = ["hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json", "musique/musique_qa_100.json"]


def _data_dir() -> Path:
    return Path(os.environ.get("SWIRL_DATA_DIR") or REPO.parent / "shared" / "data")


class RunningService:
    def __init__(self, process: subprocess.Popen[str], grpc_port: int, metrics_port: int) -> None:
        self.process = process
        self.target = f"127.0.0.1:{grpc_port}"
        self.metrics_port = metrics_port
        # Keep reading the JSON log so a full pipe can never block the service.
        self.log: list[dict[str, object]] = []
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if line.startswith("{"):
                self.log.append(json.loads(line))

    def stop(self, sig: int = signal.SIGTERM, timeout_s: float = 15) -> int:
        """Sends `sig`, waits for the exit code and the rest of the log."""
        self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout_s)
        self._reader.join(timeout=5)
        return code

    def channel(self) -> grpc.Channel:
        return open_channel(self.target)


@pytest.fixture(scope="session")
def index_cache_dir() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="swirl-py-") as cache:
        yield cache


def start_tools_service(cache_dir: str, extra_args: tuple[str, ...] = ()) -> RunningService:
    """Runs `node apps/tools/dist/main.js` on free loopback ports with the default corpora
    (`extra_args`: more settings, e.g. token and TLS)."""
    missing = [f for f in DATA_FILES if not (_data_dir() / f).is_file()]
    if missing:
        message = f"benchmark data missing under {_data_dir()} ({', '.join(missing)}): set SWIRL_DATA_DIR"
        if os.environ.get("SWIRL_ALLOW_MISSING_DATA") == "1":
            pytest.skip(message)
        pytest.fail(message)
    main = REPO / "apps" / "tools" / "dist" / "main.js"
    if not main.is_file():
        pytest.fail(f"{main} is not built: run `npx nx build @swirl/tools` (npm test does)")
    process = subprocess.Popen(
        ["node", str(main), "--host=127.0.0.1", "--grpc-port=0", "--metrics-port=0", f"--index-cache-dir={cache_dir}", *extra_args],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SWIRL_DATA_DIR": str(_data_dir())},
    )
    return _wait_until_listening(process)


@pytest.fixture(scope="session")
def tools_service(index_cache_dir: str) -> Iterator[RunningService]:
    service = start_tools_service(index_cache_dir)
    try:
        yield service
    finally:
        service.stop()


def _wait_until_listening(process: subprocess.Popen[str]) -> RunningService:
    """Reads the service's JSON log until it says where it listens."""
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            raise RuntimeError(f"tools service exited early with code {process.wait()}")
        entry = json.loads(line)
        if entry.get("msg") == "listening":
            return RunningService(process, entry["grpcPort"], entry["metricsPort"])
    raise RuntimeError("tools service did not report listening within 60 s")


def wait_serving(channel: grpc.Channel, service: str = "", timeout_s: float = 60) -> int:
    """Polls the standard health service until `service` is SERVING; returns the last status."""
    stub = health_pb2_grpc.HealthStub(channel)
    deadline = time.monotonic() + timeout_s
    status = health_pb2.HealthCheckResponse.UNKNOWN
    while time.monotonic() < deadline:
        try:
            status = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=5).status
        except grpc.RpcError as err:
            # While the service builds its search indexes its event loop can be busy for longer
            # than one check's deadline on a loaded machine: that is "not yet", not a failure.
            if err.code() != grpc.StatusCode.DEADLINE_EXCEEDED:
                raise
            continue
        if status == health_pb2.HealthCheckResponse.SERVING:
            break
        time.sleep(0.1)
    return status
