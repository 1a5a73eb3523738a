"""Starts the built tools service as a child process, the way a user would, for the tests."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import grpc
import pytest

from swirl_client import open_channel

REPO = Path(__file__).resolve().parents[3]
DATA_FILES = ["hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json", "musique/musique_qa_100.json"]


def _data_dir() -> Path:
    return Path(os.environ.get("SWIRL_DATA_DIR") or REPO.parent / "shared" / "data")


class RunningService:
    def __init__(self, process: subprocess.Popen[str], grpc_port: int, metrics_port: int) -> None:
        self.process = process
        self.target = f"127.0.0.1:{grpc_port}"
        self.metrics_port = metrics_port

    def channel(self) -> grpc.Channel:
        return open_channel(self.target)


@pytest.fixture(scope="session")
def tools_service() -> Iterator[RunningService]:
    missing = [f for f in DATA_FILES if not (_data_dir() / f).is_file()]
    if missing:
        message = f"benchmark data missing under {_data_dir()} ({', '.join(missing)}): set SWIRL_DATA_DIR"
        if os.environ.get("SWIRL_ALLOW_MISSING_DATA") == "1":
            pytest.skip(message)
        pytest.fail(message)
    main = REPO / "apps" / "tools" / "dist" / "main.js"
    if not main.is_file():
        pytest.fail(f"{main} is not built: run `npx nx build @swirl/tools` (npm test does)")
    with tempfile.TemporaryDirectory(prefix="swirl-py-") as cache:
        process = subprocess.Popen(
            ["node", str(main), "--host=127.0.0.1", "--grpc-port=0", "--metrics-port=0", f"--index-cache-dir={cache}"],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "SWIRL_DATA_DIR": str(_data_dir())},
        )
        try:
            yield _wait_until_listening(process)
        finally:
            process.terminate()
            process.wait(timeout=15)


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
