"""Bearer token, TLS and mTLS on real learner servers on loopback ports (in-process, and one
`serve` process configured through the environment), with certificates the openssl CLI makes for
this run; the bad-settings checks and the exec health probe run as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import grpc
import pytest

from pki import Pki, make_pki
from swirl.v1 import learner_pb2 as L, learner_pb2_grpc
from swirl_client import open_channel
from swirl_client.health.v1 import health_pb2, health_pb2_grpc
from swirl_client.reflection.v1 import reflection_pb2, reflection_pb2_grpc
from swirl_learner.metrics import LearnerMetrics
from swirl_learner.server import build_server
from swirl_learner.server_security import AUTH_TOKEN, ServerSecurity, load_server_security, pick

APP = Path(__file__).resolve().parents[1]
TOKEN = "a-long-enough-test-token"
SERVICE = "swirl.v1.LearnerService"
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


class Running:
    """An in-process learner server on a free loopback port, health SERVING."""

    def __init__(self, root: Path, security: ServerSecurity, metrics: LearnerMetrics | None = None) -> None:
        self.server, self.port, self.health, _ = build_server("127.0.0.1", 0, root / "c", root / "e", metrics, security)
        self.server.start()
        self.health.set_all(SERVING)
        self.target = f"127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.stop(grace=None)


@pytest.fixture()
def running(tmp_path: Path) -> Iterator[list[Running]]:
    started: list[Running] = []
    yield started
    for r in started:
        r.close()


def start(started: list[Running], tmp_path: Path, security: ServerSecurity, metrics: LearnerMetrics | None = None) -> Running:
    r = Running(tmp_path / str(len(started)), security, metrics)
    started.append(r)
    return r


def status_code(channel: grpc.Channel, metadata: tuple[tuple[str, str], ...] = ()) -> tuple[grpc.StatusCode, str]:
    stub = learner_pb2_grpc.LearnerServiceStub(channel)
    try:
        stub.GetStatus(L.GetStatusRequest(), timeout=5, metadata=metadata)
    except grpc.RpcError as err:
        return err.code(), err.details() or ""
    return grpc.StatusCode.OK, ""


def list_services(channel: grpc.Channel) -> list[str]:
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=5)
    return [s.name for r in responses for s in r.list_services_response.service]


def health(channel: grpc.Channel, service: str = "") -> int:
    return int(health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=service), timeout=5).status)


def handled(metrics: LearnerMetrics, kind: str, service: str, method: str, code: str) -> float:
    labels = {"grpc_type": kind, "grpc_service": service, "grpc_method": method, "grpc_code": code, "service": "learner"}
    return metrics.registry.get_sample_value("grpc_server_handled_total", labels) or 0.0


# --- bearer token ---------------------------------------------------------------------------


def test_token_is_required_except_for_health_and_rejections_are_counted(tmp_path: Path, running: list[Running]) -> None:
    metrics = LearnerMetrics("test")
    learner = start(running, tmp_path, load_server_security(TOKEN, None, None, None), metrics)
    with grpc.insecure_channel(learner.target) as plain:
        code, details = status_code(plain)
        assert code == grpc.StatusCode.UNAUTHENTICATED and 'send the metadata header "authorization: Bearer <token>"' in details
        for header in (f"Bearer {TOKEN}x", "Bearer not-the-token-at-all-xx", f"Basic {TOKEN}", TOKEN):
            code, details = status_code(plain, (("authorization", header),))
            assert code == grpc.StatusCode.UNAUTHENTICATED and "is not accepted" in details, header
        assert status_code(plain, (("authorization", f"bearer  {TOKEN} "),)) == (grpc.StatusCode.OK, "")  # as the kit parses it
        assert health(plain) == SERVING and health(plain, SERVICE) == SERVING  # probes need no secret
        with pytest.raises(grpc.RpcError) as refused:  # reflection is not exempt, as in the kit
            list_services(plain)
        assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with open_channel(learner.target, token=TOKEN) as authed:  # the client helper, streaming calls included
        assert status_code(authed) == (grpc.StatusCode.OK, "")
        assert SERVICE in list_services(authed)
    # The metrics interceptor sits outside auth: rejected calls are counted with the kit's code name.
    assert handled(metrics, "unary", SERVICE, "GetStatus", "Unauthenticated") == 5
    assert handled(metrics, "unary", SERVICE, "GetStatus", "OK") == 2
    assert handled(metrics, "bidi_stream", "grpc.reflection.v1.ServerReflection", "ServerReflectionInfo", "Unauthenticated") == 1
    assert handled(metrics, "unary", "grpc.health.v1.Health", "Check", "OK") == 2
    started = metrics.registry.get_sample_value(
        "grpc_server_started_total", {"grpc_type": "unary", "grpc_service": SERVICE, "grpc_method": "GetStatus", "service": "learner"}
    )
    assert started == 7


def test_open_channel_takes_the_token_from_the_environment(tmp_path: Path, running: list[Running]) -> None:
    learner = start(running, tmp_path, load_server_security(TOKEN, None, None, None))
    with open_channel(learner.target, env={"SWIRL_AUTH_TOKEN": TOKEN}) as from_env:
        assert status_code(from_env) == (grpc.StatusCode.OK, "")
    with open_channel(learner.target, env={"SWIRL_AUTH_TOKEN": ""}) as empty_is_unset:
        assert status_code(empty_is_unset)[0] == grpc.StatusCode.UNAUTHENTICATED
    with open_channel(learner.target, env={"SWIRL_AUTH_TOKEN": TOKEN}, token="an-explicit-wrong-token") as explicit_wins:
        assert status_code(explicit_wins)[0] == grpc.StatusCode.UNAUTHENTICATED


def test_flags_beat_variables_and_empty_means_unset() -> None:
    env = {"SWIRL_AUTH_TOKEN": "from-the-environment"}
    assert pick("from-the-flag", AUTH_TOKEN, env) == "from-the-flag"
    assert pick(None, AUTH_TOKEN, env) == "from-the-environment"
    assert pick(None, AUTH_TOKEN, {"SWIRL_AUTH_TOKEN": ""}) is None
    assert pick("", AUTH_TOKEN, env) is None


# --- TLS and mTLS ---------------------------------------------------------------------------


def test_tls_serves_clients_that_trust_the_ca_only(pki: Pki, tmp_path: Path, running: list[Running]) -> None:
    learner = start(running, tmp_path, load_server_security(None, str(pki.server.cert), str(pki.server.key), None))
    with grpc.insecure_channel(learner.target) as plain:
        assert status_code(plain)[0] == grpc.StatusCode.UNAVAILABLE
    with open_channel(learner.target, root_certificates=pki.ca.cert.read_bytes(), server_name="learner") as trusting:
        assert status_code(trusting) == (grpc.StatusCode.OK, "")
        assert health(trusting, SERVICE) == SERVING
    with open_channel(learner.target, root_certificates=pki.other_ca.cert.read_bytes(), server_name="learner") as stranger:
        assert status_code(stranger)[0] == grpc.StatusCode.UNAVAILABLE
    with open_channel(learner.target, root_certificates=pki.ca.cert.read_bytes(), server_name="inference") as wrong_name:
        assert status_code(wrong_name)[0] == grpc.StatusCode.UNAVAILABLE


def test_mtls_requires_a_client_certificate_signed_by_the_client_ca(pki: Pki, tmp_path: Path, running: list[Running]) -> None:
    security = load_server_security(TOKEN, str(pki.server.cert), str(pki.server.key), str(pki.ca.cert))
    assert security.tls and security.client_auth
    learner = start(running, tmp_path, security)
    ca = pki.ca.cert.read_bytes()
    with open_channel(learner.target, token=TOKEN, root_certificates=ca, server_name="learner") as no_cert:
        assert status_code(no_cert)[0] == grpc.StatusCode.UNAVAILABLE
    with open_channel(learner.target, token=TOKEN, root_certificates=ca, server_name="learner",
                      certificate_chain=pki.other_client.cert.read_bytes(), private_key=pki.other_client.key.read_bytes()) as stranger:
        assert status_code(stranger)[0] == grpc.StatusCode.UNAVAILABLE
    with open_channel(learner.target, token=TOKEN, root_certificates=ca, server_name="learner",
                      certificate_chain=pki.client.cert.read_bytes(), private_key=pki.client.key.read_bytes()) as with_cert:
        assert status_code(with_cert) == (grpc.StatusCode.OK, "")
    # The same through the services' variables (a pod's client certificate is its own SWIRL_TLS_CERT/KEY).
    env = {"SWIRL_AUTH_TOKEN": TOKEN, "SWIRL_TLS_CA": str(pki.ca.cert), "SWIRL_TLS_CERT": str(pki.client.cert), "SWIRL_TLS_KEY": str(pki.client.key)}
    with open_channel(learner.target, server_name="learner", env=env) as from_env:
        assert status_code(from_env) == (grpc.StatusCode.OK, "")


# --- bad settings: a real `serve` that must refuse to start --------------------------------


def serve_process(args: list[str], env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SWIRL_AUTH", "SWIRL_TLS"))}
    return subprocess.run(
        [sys.executable, "-m", "swirl_learner", "serve", "--host", "127.0.0.1", "--port", "0", "--metrics-port", "-1", *args],
        cwd=APP, capture_output=True, text=True, timeout=60, env={**base, "PYTHONPATH": str(APP), **(env or {})},
    )


BAD = [
    pytest.param(lambda p: (["--tls-cert", p.server.cert], {}), "TLS needs both --tls-cert and --tls-key (or neither)", id="cert-without-key"),
    pytest.param(lambda p: ([], {"SWIRL_TLS_KEY": str(p.server.key)}), "TLS needs both --tls-cert and --tls-key (or neither)", id="key-without-cert-env"),
    pytest.param(lambda p: (["--tls-client-ca", p.ca.cert], {}), "--tls-client-ca needs --tls-cert and --tls-key", id="client-ca-without-tls"),
    pytest.param(lambda p: (["--auth-token", "short"], {}), "--auth-token must be at least 16 characters", id="short-token"),
    pytest.param(lambda p: ([], {"SWIRL_TLS_CERT": "/nonexistent/tls.crt", "SWIRL_TLS_KEY": str(p.server.key)}),
                 "--tls-cert / SWIRL_TLS_CERT: cannot read /nonexistent/tls.crt: No such file or directory", id="unreadable-cert"),
    pytest.param(lambda p: (["--tls-cert", p.server.cert, "--tls-key", p.client.key], {}), "not a PEM certificate chain and its matching private key", id="key-of-another-cert"),
    pytest.param(lambda p: (["--tls-cert", p.server.cert, "--tls-key", p.server.key, "--tls-client-ca", p.server.key], {}), "not a PEM CA bundle", id="client-ca-not-a-ca"),
]


@pytest.mark.parametrize(("settings", "message"), BAD)
def test_bad_settings_stop_serve_before_it_binds(pki: Pki, settings, message: str) -> None:  # type: ignore[no-untyped-def]
    args, env = settings(pki)
    out = serve_process([str(a) for a in args], env)
    assert out.returncode == 2, out.stderr
    assert out.stderr.startswith("invalid settings: ") and message in out.stderr, out.stderr
    assert "listening" not in out.stderr and "Traceback" not in out.stderr


# --- a real `serve` process configured by the environment, and the exec probe ---------------


def probe(port: int, service: str = "", env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SWIRL_PROBE", "SWIRL_GRPC_PORT"))}
    return subprocess.run(
        [sys.executable, "-m", "swirl_learner", "health-probe", "--port", str(port), "--service", service],
        cwd=APP, capture_output=True, text=True, timeout=30, env={**base, "PYTHONPATH": str(APP), **(env or {})},
    )


def test_serve_with_tls_and_token_from_the_environment(pki: Pki, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(APP), "SWIRL_AUTH_TOKEN": TOKEN, "SWIRL_TLS_CERT": str(pki.server.cert), "SWIRL_TLS_KEY": str(pki.server.key)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "swirl_learner", "serve", "--host", "127.0.0.1", "--port", "0", "--metrics-port", "-1",
         "--checkpoint-root", str(tmp_path / "c"), "--export-root", str(tmp_path / "e")],
        cwd=APP, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert proc.stderr is not None
        line = ""
        while '"listening"' not in line:
            line = proc.stderr.readline()
            assert line, "server exited before listening"
        announced = json.loads(line)
        assert (announced["tls"], announced["mtls"], announced["auth"]) == (True, False, True)
        port = announced["port"]
        client_env = {"SWIRL_AUTH_TOKEN": TOKEN, "SWIRL_TLS_CA": str(pki.ca.cert)}
        with open_channel(f"127.0.0.1:{port}", server_name="learner.swirl.svc", env=client_env) as channel:
            assert status_code(channel) == (grpc.StatusCode.OK, "")
        with open_channel(f"127.0.0.1:{port}", server_name="learner", root_certificates=pki.ca.cert.read_bytes()) as no_token:
            assert status_code(no_token)[0] == grpc.StatusCode.UNAUTHENTICATED
            assert health(no_token, SERVICE) == SERVING
        # The Kubernetes exec probe (tls component): TLS from SWIRL_PROBE_TLS_CA, names from the certificate.
        assert probe(port, SERVICE, {"SWIRL_PROBE_TLS_CA": str(pki.ca.cert)}).returncode == 0
        plaintext = probe(port, SERVICE)
        assert plaintext.returncode == 1 and "health check of 'swirl.v1.LearnerService' failed: UNAVAILABLE" in plaintext.stderr
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_health_probe_on_plaintext(tmp_path: Path, running: list[Running]) -> None:
    learner = start(running, tmp_path, ServerSecurity())
    assert probe(learner.port).returncode == 0
    assert probe(learner.port, SERVICE).returncode == 0
    unknown = probe(learner.port, "swirl.v1.NoSuchService")
    assert unknown.returncode == 1 and "NOT_FOUND" in unknown.stderr
    learner.health.set_all(NOT_SERVING)
    draining = probe(learner.port, SERVICE)
    assert draining.returncode == 1 and "'swirl.v1.LearnerService' is NOT_SERVING" in draining.stderr
    usage = subprocess.run([sys.executable, "-m", "swirl_learner", "health-probe"], cwd=APP, capture_output=True, text=True, timeout=30,
                           env={**{k: v for k, v in os.environ.items() if k != "SWIRL_GRPC_PORT"}, "PYTHONPATH": str(APP)})
    assert usage.returncode == 2 and "usage:" in usage.stderr


def test_health_probe_with_mtls_and_a_wildcard_certificate(pki: Pki, tmp_path: Path, running: list[Running]) -> None:
    security = load_server_security(TOKEN, str(pki.wildcard_server.cert), str(pki.wildcard_server.key), str(pki.ca.cert))
    learner = start(running, tmp_path, security)
    ca_only = {"SWIRL_PROBE_TLS_CA": str(pki.ca.cert)}
    assert probe(learner.port, SERVICE, ca_only).returncode == 1  # the server wants a client certificate
    with_cert = {**ca_only, "SWIRL_PROBE_TLS_CERT": str(pki.client.cert), "SWIRL_PROBE_TLS_KEY": str(pki.client.key)}
    assert probe(learner.port, SERVICE, with_cert).returncode == 0
    wrong_ca = probe(learner.port, SERVICE, {**with_cert, "SWIRL_PROBE_TLS_CA": str(pki.other_ca.cert)})
    assert wrong_ca.returncode == 1 and "TLS handshake with 127.0.0.1" in wrong_ca.stderr
