"""The entry point: `serve` announces its port, serves health, drains on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import grpc
import pytest

from conftest import write_old_export
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


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "swirl_learner", *args], cwd=APP, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(APP)})


@pytest.mark.parametrize(("flags", "export_format"), [([], "swirl-onnx-kv-append/1"), (["--cache-outputs", "new"], "swirl-onnx-kv-append/1"), (["--cache-outputs", "present"], "swirl-onnx-kv/1")])
def test_export_fixture_command(tmp_path: Path, flags: list[str], export_format: str) -> None:
    out = _cli("export-fixture", "--out", str(tmp_path / "fx"), "--seed", "3", *flags)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["max_abs_logit_diff"] <= 1e-4
    assert summary["export_format"] == export_format
    assert {p.name for p in (tmp_path / "fx").iterdir()} == {"model.onnx", "tokenizer.json", "config.json", "reference.json"}
    assert json.loads((tmp_path / "fx" / "config.json").read_text())["export_format"] == export_format


def test_reexport_command(tmp_path: Path) -> None:
    old = write_old_export(tmp_path / "old")
    out = _cli("reexport", "--from", str(old), "--out", str(tmp_path / "new"))
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["export_format"] == "swirl-onnx-kv-append/1" and summary["from_export_format"] == "swirl-onnx-kv/1"
    assert summary["max_abs_logit_diff"] <= 1e-4 and summary["max_abs_logit_diff_vs_old_graph"] <= 1e-4
    assert (tmp_path / "new" / "model.safetensors").read_bytes() == (old / "model.safetensors").read_bytes()
    (old / "model.safetensors").unlink()
    refused = _cli("reexport", "--from", str(old), "--out", str(tmp_path / "again"))
    assert refused.returncode == 1 and "model.safetensors is missing" in refused.stderr, refused.stderr
    assert not (tmp_path / "again").exists()
