"""`open_channel` against the TypeScript kit's own token and mTLS checks: the tools service
started with --auth-token, --tls-cert/--tls-key and --tls-client-ca, certificates made by the
openssl CLI for this run (never committed)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from swirl.v1 import tools_pb2, tools_pb2_grpc
from swirl_client import open_channel
from swirl_client.health.v1 import health_pb2, health_pb2_grpc
from swirl_client.reflection.v1 import reflection_pb2, reflection_pb2_grpc

from conftest import RunningService, start_tools_service, wait_serving

TOKEN = "a-long-enough-test-token"
EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


def _openssl(*args: object) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, timeout=30)


def _leaf(d: Path, name: str, san: str, usage: str) -> None:
    (d / f"{name}.ext").write_text(f"basicConstraints=CA:FALSE\nsubjectAltName={san}\nextendedKeyUsage={usage}\n")
    _openssl("req", "-new", *EC_KEY, "-subj", f"/CN={name}", "-keyout", d / f"{name}.key", "-out", d / f"{name}.csr")
    _openssl("x509", "-req", "-in", d / f"{name}.csr", "-CA", d / "ca.crt", "-CAkey", d / "ca.key", "-CAcreateserial",
             "-days", "1", "-extfile", d / f"{name}.ext", "-out", d / f"{name}.crt")


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("pki")
    _openssl("req", "-x509", *EC_KEY, "-days", "1", "-subj", "/CN=swirl-test-ca", "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-keyout", d / "ca.key", "-out", d / "ca.crt")
    _leaf(d, "server", "DNS:tools,DNS:tools.swirl.svc", "serverAuth")  # names the Service, not 127.0.0.1
    _leaf(d, "client", "DNS:coordinator", "clientAuth")
    return d


@pytest.fixture(scope="module")
def secured_tools(index_cache_dir: str, certs: Path) -> Iterator[RunningService]:
    service = start_tools_service(index_cache_dir, (
        f"--auth-token={TOKEN}", f"--tls-cert={certs / 'server.crt'}", f"--tls-key={certs / 'server.key'}", f"--tls-client-ca={certs / 'ca.crt'}",
    ))
    try:
        yield service
    finally:
        service.stop()


def test_open_channel_from_the_environment_passes_the_kits_token_and_mtls_checks(secured_tools: RunningService, certs: Path) -> None:
    env = {"SWIRL_AUTH_TOKEN": TOKEN, "SWIRL_TLS_CA": str(certs / "ca.crt"), "SWIRL_TLS_CERT": str(certs / "client.crt"), "SWIRL_TLS_KEY": str(certs / "client.key")}
    with open_channel(secured_tools.target, server_name="tools", env=env) as channel:
        assert wait_serving(channel) == health_pb2.HealthCheckResponse.SERVING
        tools = tools_pb2_grpc.ToolServiceStub(channel).ListTools(tools_pb2.ListToolsRequest(), timeout=5).tools
        assert {t.name for t in tools} == {"calculator", "search"}
        # A bidirectional stream carries the token too (reflection is not exempt from it).
        reflection = reflection_pb2_grpc.ServerReflectionStub(channel)
        answers = reflection.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=5)
        assert "swirl.v1.ToolService" in [s.name for a in answers for s in a.list_services_response.service]


def test_without_token_or_client_certificate_the_kit_refuses(secured_tools: RunningService, certs: Path) -> None:
    ca = (certs / "ca.crt").read_bytes()
    client = {"certificate_chain": (certs / "client.crt").read_bytes(), "private_key": (certs / "client.key").read_bytes()}
    with open_channel(secured_tools.target, server_name="tools", root_certificates=ca, **client) as no_token:
        assert health_pb2_grpc.HealthStub(no_token).Check(health_pb2.HealthCheckRequest(), timeout=5).status == health_pb2.HealthCheckResponse.SERVING
        with pytest.raises(grpc.RpcError) as refused:
            tools_pb2_grpc.ToolServiceStub(no_token).ListTools(tools_pb2.ListToolsRequest(), timeout=5)
        assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED and "authorization: Bearer" in (refused.value.details() or "")
    with open_channel(secured_tools.target, server_name="tools", root_certificates=ca, token=TOKEN) as no_cert:
        with pytest.raises(grpc.RpcError) as refused:
            tools_pb2_grpc.ToolServiceStub(no_cert).ListTools(tools_pb2.ListToolsRequest(), timeout=5)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE


def test_open_channel_rejects_half_a_client_certificate(certs: Path) -> None:
    with pytest.raises(ValueError, match="both certificate_chain and private_key"):
        open_channel("127.0.0.1:1", root_certificates=b"x", certificate_chain=(certs / "client.crt").read_bytes())
    with pytest.raises(ValueError, match="SWIRL_TLS_CA=/nonexistent/ca.crt: cannot read the file"):
        open_channel("127.0.0.1:1", env={"SWIRL_TLS_CA": "/nonexistent/ca.crt"})
