"""The entry point: `serve` announces its port, serves health, drains on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import grpc

from swirl_client.health.v1 import health_pb2, health_pb2_grpc

APP = Path(__file__).resolve().parents[1]


def test_serve_reports_port_and_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "swirl_learner", "serve", "--host", "127.0.0.1", "--port", "0", "--metrics-port", "0", "--checkpoint-root", str(tmp_path / "c"), "--export-root", str(tmp_path / "e")],
        cwd=APP, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(APP)},
    )
    try:
        assert proc.stderr is not None
        line = ""
        while '"listening"' not in line:
            line = proc.stderr.readline()
            assert line, "server exited before listening"
        announced = json.loads(line)
        assert announced["msg"] == "listening" and announced["port"] > 0
        with grpc.insecure_channel(f"127.0.0.1:{announced['port']}") as channel:
            health = health_pb2_grpc.HealthStub(channel)
            assert health.Check(health_pb2.HealthCheckRequest(), timeout=5).status == health_pb2.HealthCheckResponse.SERVING
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_export_fixture_command(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "swirl_learner", "export-fixture", "--out", str(tmp_path / "fx"), "--seed", "3"],
        cwd=APP, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(APP)},
    )
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["max_abs_logit_diff"] <= 1e-4
    assert {p.name for p in (tmp_path / "fx").iterdir()} == {"model.onnx", "tokenizer.json", "config.json", "reference.json"}
