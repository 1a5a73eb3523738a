"""`health-probe`: the learner image's exec probe for Kubernetes when it serves TLS (kubelet's
native `grpc:` probe speaks plaintext only; the services image uses infra/docker/
grpc-health-probe.cjs, but this image has no node). Exit 0 iff grpc.health.v1.Health/Check on
127.0.0.1:PORT answers SERVING.

Environment (all optional), as the node probe reads it:
  SWIRL_PROBE_TLS_CA      PEM CA bundle: TLS on, the chain is verified against it. The host name
                          is not checked against 127.0.0.1: the certificate names the Service.
  SWIRL_PROBE_TLS_CERT, SWIRL_PROBE_TLS_KEY   client certificate for mTLS
  SWIRL_PROBE_TIMEOUT_MS  deadline of the check (default 2000)
Imports neither torch nor the servicer, so it starts in a fraction of a second."""

from __future__ import annotations

import socket
import ssl
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import grpc

from swirl_client.health.v1 import health_pb2, health_pb2_grpc

HOST = "127.0.0.1"


class ProbeError(Exception):
    pass


def _read(environ: Mapping[str, str], name: str) -> bytes | None:
    path = environ.get(name)
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise ProbeError(f"{name}: cannot read {path}: {err.strerror or err}") from None


def _certificate_name(port: int, environ: Mapping[str, str], timeout_s: float) -> str | None:
    """Handshakes once with the stdlib, verifying the chain against SWIRL_PROBE_TLS_CA, and returns
    a DNS name the server's certificate carries (None: it names only IP addresses, which gRPC then
    checks against 127.0.0.1 itself). gRPC has no switch to skip the host-name check, so the
    probe has it check against a name the certificate is known to hold."""
    context = ssl.create_default_context(cafile=environ["SWIRL_PROBE_TLS_CA"])
    context.check_hostname = False  # the chain is still verified (CERT_REQUIRED)
    context.set_alpn_protocols(["h2"])
    if environ.get("SWIRL_PROBE_TLS_CERT") and environ.get("SWIRL_PROBE_TLS_KEY"):
        context.load_cert_chain(environ["SWIRL_PROBE_TLS_CERT"], environ["SWIRL_PROBE_TLS_KEY"])
    with socket.create_connection((HOST, port), timeout=timeout_s) as raw, context.wrap_socket(raw) as tls:
        cert = tls.getpeercert() or {}
    san = cast(tuple[tuple[str, str], ...], cert.get("subjectAltName", ()))
    names = [value for kind, value in san if kind == "DNS"]
    if not names:
        return None
    # A wildcard (*.ns.svc) matches any one label in its place.
    return names[0].replace("*", "health-probe", 1) if names[0].startswith("*.") else names[0]


def _channel(port: int, environ: Mapping[str, str], timeout_s: float) -> grpc.Channel:
    target = f"{HOST}:{port}"
    ca = _read(environ, "SWIRL_PROBE_TLS_CA")
    if ca is None:
        return grpc.insecure_channel(target)
    key, cert = _read(environ, "SWIRL_PROBE_TLS_KEY"), _read(environ, "SWIRL_PROBE_TLS_CERT")
    try:
        name = _certificate_name(port, environ, timeout_s)
    except (OSError, ssl.SSLError) as err:  # ssl.SSLError is an OSError; named for the reader
        raise ProbeError(f"TLS handshake with {target} failed: {err}") from None
    options = [] if name is None else [("grpc.ssl_target_name_override", name)]
    return grpc.secure_channel(target, grpc.ssl_channel_credentials(ca, key, cert), options)


def probe(port: int | None, service: str, environ: Mapping[str, str]) -> int:
    raw_port = str(port) if port is not None else environ.get("SWIRL_GRPC_PORT", "")
    raw_timeout = environ.get("SWIRL_PROBE_TIMEOUT_MS") or "2000"
    if not raw_port.isdigit() or not 0 < int(raw_port) < 65536 or not raw_timeout.isdigit() or int(raw_timeout) == 0:
        print("usage: python -m swirl_learner health-probe --port N [--service S] (port defaults to $SWIRL_GRPC_PORT; "
              "SWIRL_PROBE_TIMEOUT_MS, if set, a positive integer)", file=sys.stderr)
        return 2
    timeout_s = int(raw_timeout) / 1000
    deadline = time.monotonic() + timeout_s
    try:
        channel = _channel(int(raw_port), environ, timeout_s)
    except ProbeError as err:
        print(f"health check of '{service}' failed: {err}", file=sys.stderr)
        return 1
    with channel:
        try:
            remaining = max(deadline - time.monotonic(), 0.05)
            status = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=service), timeout=remaining).status
        except grpc.RpcError as err:
            print(f"health check of '{service}' failed: {err.code().name}: {err.details()}", file=sys.stderr)
            return 1
    if status != health_pb2.HealthCheckResponse.SERVING:
        print(f"'{service}' is {health_pb2.HealthCheckResponse.ServingStatus.Name(status)}", file=sys.stderr)
        return 1
    return 0
