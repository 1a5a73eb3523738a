"""A real Prometheus server (Debian's `prometheus`) on a loopback port, scraping the local stack
with the repository's own config (infra/prometheus/prometheus.yml: its jobs, rule files and
labels; only the targets' ports are the stack's), plus a small client of its HTTP API."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[3]
CONFIG = REPO / "infra" / "prometheus" / "prometheus.yml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stack_config(metrics_ports: dict[str, int], interval_s: int) -> dict[str, Any]:
    """infra/prometheus/prometheus.yml with each job's target moved to the running service's
    metrics port (jobs of services not running are dropped) and a short interval."""
    config: dict[str, Any] = yaml.safe_load(CONFIG.read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    unknown = set(metrics_ports) - set(jobs)
    if unknown:
        raise ValueError(f"{CONFIG} has no scrape job for {sorted(unknown)}")
    config["scrape_configs"] = [{**jobs[name], "static_configs": [{"targets": [f"127.0.0.1:{port}"]}]} for name, port in metrics_ports.items()]
    config["global"] = {**config["global"], "scrape_interval": f"{interval_s}s", "evaluation_interval": f"{interval_s}s"}
    config["rule_files"] = [str(CONFIG.parent / f) for f in config["rule_files"]]
    return config


class Prometheus:
    def __init__(self, work: Path, config: dict[str, Any]) -> None:
        work.mkdir(parents=True, exist_ok=True)
        self.config_file = work / "prometheus.yml"
        self.config_file.write_text(yaml.safe_dump(config, sort_keys=False))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = (work / "prometheus.log").open("w")
        self.process = subprocess.Popen(
            ["prometheus", f"--config.file={self.config_file}", f"--storage.tsdb.path={work / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{self.port}", "--log.level=warn"],
            stdout=self.log, stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"prometheus exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/-/ready", timeout=2) as res:
                    if res.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"prometheus not ready after {timeout_s} s")

    def api(self, path: str, **params: str) -> Any:
        url = f"{self.url}/api/v1/{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
        try:
            with urllib.request.urlopen(url, timeout=10) as res:
                body = json.loads(res.read())
        except urllib.error.HTTPError as err:  # 400/422 carry the error in the body
            body = json.loads(err.read())
        if body.get("status") != "success":
            raise ValueError(f"{path} {params}: {body.get('errorType')}: {body.get('error')}")
        return body["data"]

    def query(self, expr: str) -> list[tuple[dict[str, str], float]]:
        data = self.api("query", query=expr)
        return [(r["metric"], float(r["value"][1])) for r in data["result"]]

    def wait_scraped_after(self, moment: float, timeout_s: float = 60) -> list[dict[str, Any]]:
        """Waits until every target was scraped successfully after `moment` (epoch seconds)."""
        deadline = time.monotonic() + timeout_s
        targets: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            targets = self.api("targets")["activeTargets"]
            if targets and all(t["health"] == "up" and _epoch(t["lastScrape"]) > moment for t in targets):
                return targets
            time.sleep(0.5)
        raise RuntimeError(f"targets not all scraped after the calls: {[(t['labels'].get('job'), t['health'], t['lastError']) for t in targets]}")

    def stop(self) -> int:
        self.process.terminate()
        try:
            return self.process.wait(timeout=30)
        finally:
            self.log.close()


def _epoch(rfc3339: str) -> float:
    # e.g. 2026-11-26T12:00:01.123456789Z; fromisoformat wants at most microseconds.
    from datetime import datetime

    head, _, frac = rfc3339.rstrip("Z").partition(".")
    return datetime.fromisoformat(f"{head}.{(frac or '0')[:6]}+00:00").timestamp()
