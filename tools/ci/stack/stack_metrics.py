"""Stack metrics check: every service of the product (tools, inference, learner, judge,
coordinator, trainer), a real Prometheus scraping them, real calls (including a small
synthesize -> filter -> SWiRL training job), then Prometheus' HTTP API must show the standard gRPC
series and each service's domain series with non-zero values; the recording and alert rules must
evaluate without error, and every query of the Grafana dashboard must be accepted by Prometheus.

    .venv/bin/python tools/ci/stack/stack_metrics.py        (tools/ci/stack-metrics.sh)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from prometheus_server import Prometheus, stack_config
import swirl_stack

REPO = swirl_stack.REPO
DASHBOARD = REPO / "infra" / "grafana" / "swirl-pipeline.json"
CALLER_TEST = REPO / "clients" / "python" / "tests" / "test_stack_main_rpcs.py"
SCRAPE_INTERVAL_S = 1


def expectations(services: dict[str, swirl_stack.RunningService]) -> list[str]:
    """PromQL expressions that must each return at least one sample, all values > 0."""
    exprs: list[str] = []
    for name, s in services.items():
        sel = f'service="{name}"'
        exprs += [
            f'up{{job="{name}"}}',
            f"sum(grpc_server_started_total{{{sel}}})",
            f'sum(grpc_server_handled_total{{{sel},grpc_code="OK"}})',
            f"sum(grpc_server_handling_seconds_count{{{sel}}})",
            f"sum(grpc_server_msg_received_total{{{sel}}})",
            f"sum(grpc_server_msg_sent_total{{{sel}}})",
            f'sum(swirl_build_info{{{sel}}})',
            f"sum(process_resident_memory_bytes{{{sel}}})",
        ]
        exprs += [f'sum(grpc_server_handled_total{{{sel},grpc_method="{m}",grpc_code="OK"}})' for m in s.spec.main_methods]
        exprs += [f"sum({series}{{{sel}}})" for series in s.spec.domain_series]
        # The recording rules turn the calls into rates (needs a scrape before and after them).
        exprs.append(f"sum(service_method:grpc_server_handled:rate5m{{{sel}}})")
    return exprs


def run_callers(stack_file: Path, services: dict[str, swirl_stack.RunningService]) -> None:
    """The Python callers of every main RPC (the same test CI runs), against this stack. On a
    failure the services' last log lines are printed (the stack's directory is temporary)."""
    env = {**os.environ, "SWIRL_STACK_FILE": str(stack_file)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", str(CALLER_TEST), "-q", "-p", "no:cacheprovider"], cwd=REPO / "clients" / "python", env=env)
    if done.returncode != 0:
        for name, s in services.items():
            print(f"--- last log lines of {name}:\n" + "".join(s.log[-15:]))
        raise RuntimeError(f"the callers failed (pytest exited {done.returncode})")
    print(f"callers: {time.monotonic() - started:.1f} s")


def check_health_probe(services: dict[str, swirl_stack.RunningService]) -> list[str]:
    """The images' exec probe (used with TLS) against a real server: SERVING -> 0, unknown -> 1."""
    probe = str(REPO / "infra" / "docker" / "grpc-health-probe.cjs")
    tools = services["tools"]
    ok = subprocess.run(["node", probe, str(tools.grpc_port), tools.spec.health_service], capture_output=True, text=True)
    unknown = subprocess.run(["node", probe, str(tools.grpc_port), "no.such.Service"], capture_output=True, text=True)
    failures = []
    if ok.returncode != 0:
        failures.append(f"grpc-health-probe.cjs on a SERVING service exited {ok.returncode}: {ok.stderr.strip()}")
    if unknown.returncode != 1:
        failures.append(f"grpc-health-probe.cjs on an unknown service exited {unknown.returncode}, expected 1")
    print(f"health probe: SERVING -> exit {ok.returncode}, unknown service -> exit {unknown.returncode} ({unknown.stderr.strip()})")
    return failures


def check_series(prom: Prometheus, exprs: list[str]) -> list[str]:
    failures = []
    for expr in exprs:
        result = prom.query(expr)
        values = [v for _, v in result]
        good = bool(values) and all(v > 0 for v in values)
        print(f"{'OK  ' if good else 'FAIL'} {', '.join(f'{v:g}' for v in values) or 'no data':>12}  {expr}")
        if not good:
            failures.append(f"{expr}: {values or 'no data'}")
    return failures


def check_rules_and_dashboard(prom: Prometheus) -> list[str]:
    failures = []
    groups = prom.api("rules")["groups"]
    rules = [r for g in groups for r in g["rules"]]
    broken = [f"{r.get('name')}: {r.get('lastError')}" for r in rules if r.get("health") != "ok"]
    print(f"rules: {len(rules)} loaded from {len(groups)} groups, {len(broken)} with evaluation errors")
    failures += [f"rule {b}" for b in broken]
    targets = [(p["title"], t) for p in json.loads(DASHBOARD.read_text())["panels"] for t in p.get("targets", [])]
    rejected = 0
    empty: list[str] = []
    for title, target in targets:
        try:
            result = prom.query(target["expr"])
        except ValueError as err:
            rejected += 1
            failures.append(f"dashboard query rejected: {err}")
            continue
        if not result:
            empty.append(title)
        # A legend label the query's series do not carry renders empty (e.g. grouping by a label
        # the metric does not have): only checkable where the query returns data.
        legend = set(re.findall(r"\{\{\s*(\w+)\s*\}\}", target.get("legendFormat", "")))
        unknown = sorted({label for metric, _ in result for label in legend if label not in metric})
        if unknown:
            failures.append(f"dashboard panel {title!r}: legend labels {unknown} are not on the series of {target['expr']}")
    print(f"dashboard: {len(targets) - rejected} of {len(targets)} queries accepted by Prometheus; "
          f"{len(empty)} without data in this run (no such event happened): {', '.join(sorted(set(empty))) or '-'}")
    return failures


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="swirl-stack-metrics-") as tmp:
        work = Path(tmp)
        with swirl_stack.running_stack(work / "services") as services:
            print("stack: " + ", ".join(f"{n} grpc {s.grpc_port} metrics {s.metrics_port}" for n, s in services.items()))
            prom = Prometheus(work / "prometheus", stack_config({n: s.metrics_port for n, s in services.items()}, SCRAPE_INTERVAL_S))
            try:
                prom.wait_ready()
                print(f"prometheus: {prom.url}, config {prom.config_file}")
                stack_file = work / "stack.json"
                stack_file.write_text(json.dumps(swirl_stack.stack_description(services)))
                # Twice, with a scrape in between: a counter series is born at its first
                # increment, so rate() needs a sample of it from before the second round.
                run_callers(stack_file, services)
                prom.wait_scraped_after(time.time())
                run_callers(stack_file, services)
                prom.wait_scraped_after(time.time())
                time.sleep(3 * SCRAPE_INTERVAL_S)  # let the recording rules evaluate on the new samples
                failures = check_series(prom, expectations(services))
                failures += check_rules_and_dashboard(prom)
                failures += check_health_probe(services)
            finally:
                prom.stop()
    if failures:
        print("\nstack metrics check FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("\nstack metrics check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
