"""Throw-away certificates for the TLS tests, made with the openssl CLI at test time (never
committed): a CA, server certificates it signs, a client certificate for mTLS, and a second,
unrelated CA with its own client certificate."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

# EC P-256 keys: fast to generate, accepted by gRPC's BoringSSL and Python's ssl.
_NEW_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


def _openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, timeout=30)


@dataclass(frozen=True)
class Pair:
    cert: Path
    key: Path


def make_ca(directory: Path, name: str) -> Pair:
    ca = Pair(directory / f"{name}.crt", directory / f"{name}.key")
    _openssl("req", "-x509", *_NEW_KEY, "-days", "1", "-subj", f"/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             "-keyout", ca.key, "-out", ca.cert)
    return ca


def issue(ca: Pair, directory: Path, name: str, san: str, usage: str) -> Pair:
    """A leaf certificate signed by `ca`; `san` e.g. "DNS:learner,IP:127.0.0.1", `usage` serverAuth or clientAuth."""
    leaf = Pair(directory / f"{name}.crt", directory / f"{name}.key")
    csr, ext = directory / f"{name}.csr", directory / f"{name}.ext"
    ext.write_text(f"basicConstraints=CA:FALSE\nsubjectAltName={san}\nextendedKeyUsage={usage}\n")
    _openssl("req", "-new", *_NEW_KEY, "-subj", f"/CN={name}", "-keyout", leaf.key, "-out", csr)
    _openssl("x509", "-req", "-in", csr, "-CA", ca.cert, "-CAkey", ca.key, "-CAcreateserial", "-days", "1", "-extfile", ext, "-out", leaf.cert)
    return leaf


@dataclass(frozen=True)
class Pki:
    ca: Pair
    server: Pair  # names the Service (learner, learner.swirl.svc), not 127.0.0.1: as in a cluster
    wildcard_server: Pair  # *.swirl.svc only
    client: Pair
    other_ca: Pair
    other_client: Pair  # signed by other_ca: a stranger to the server


def make_pki(directory: Path) -> Pki:
    ca, other_ca = make_ca(directory, "ca"), make_ca(directory, "other-ca")
    return Pki(
        ca=ca,
        server=issue(ca, directory, "server", "DNS:learner,DNS:learner.swirl.svc", "serverAuth"),
        wildcard_server=issue(ca, directory, "wildcard", "DNS:*.swirl.svc", "serverAuth"),
        client=issue(ca, directory, "client", "DNS:trainer", "clientAuth"),
        other_ca=other_ca,
        other_client=issue(other_ca, directory, "other-client", "DNS:trainer", "clientAuth"),
    )
