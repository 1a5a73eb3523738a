"""`serve`'s security settings: bearer token, TLS and mTLS, with the flags, environment variables
and rules of the TypeScript kit (libs/grpc-kit/src/config/server-options.ts), so one set of
Kubernetes components configures every service. Everything is checked and every file read here,
before the server binds: a bad setting stops start-up with one clear line, not a half-up server."""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import grpc

MIN_TOKEN_LENGTH = 16  # the kit's minimum: shorter tokens are guessable


class SettingsError(ValueError):
    """An invalid setting; the message alone tells the operator what to fix."""


@dataclass(frozen=True)
class SecurityOption:
    flag: str
    env: str
    doc: str


AUTH_TOKEN = SecurityOption("--auth-token", "SWIRL_AUTH_TOKEN", 'if set, every call except health needs "authorization: Bearer <token>"')
TLS_CERT = SecurityOption("--tls-cert", "SWIRL_TLS_CERT", "PEM certificate chain; with --tls-key turns TLS on")
TLS_KEY = SecurityOption("--tls-key", "SWIRL_TLS_KEY", "PEM private key")
TLS_CLIENT_CA = SecurityOption("--tls-client-ca", "SWIRL_TLS_CLIENT_CA", "PEM CA bundle; if set, clients must present a certificate it signed (mTLS)")
SECURITY_OPTIONS = (AUTH_TOKEN, TLS_CERT, TLS_KEY, TLS_CLIENT_CA)


@dataclass(frozen=True)
class ServerSecurity:
    """What `serve` enforces. `credentials` None: plaintext."""

    auth_token: str | None = None
    credentials: grpc.ServerCredentials | None = None
    client_auth: bool = False

    @property
    def tls(self) -> bool:
        return self.credentials is not None


def pick(flag_value: str | None, option: SecurityOption, environ: Mapping[str, str]) -> str | None:
    """The flag beats the variable; an empty value means unset (as in the kit)."""
    raw = flag_value if flag_value is not None else environ.get(option.env)
    return raw if raw else None


def _read(option: SecurityOption, path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise SettingsError(f"{option.flag} / {option.env}: cannot read {path}: {err.strerror or err}") from None


def load_server_security(
    auth_token: str | None, tls_cert: str | None, tls_key: str | None, tls_client_ca: str | None
) -> ServerSecurity:
    """Validates the (already picked) settings and reads the files; raises SettingsError."""
    if (tls_cert is None) != (tls_key is None):
        raise SettingsError("TLS needs both --tls-cert and --tls-key (or neither)")
    if tls_client_ca is not None and tls_cert is None:
        raise SettingsError("--tls-client-ca needs --tls-cert and --tls-key")
    if auth_token is not None and len(auth_token) < MIN_TOKEN_LENGTH:
        raise SettingsError(f"--auth-token must be at least {MIN_TOKEN_LENGTH} characters")
    if tls_cert is None or tls_key is None:
        return ServerSecurity(auth_token=auth_token)
    cert, key = _read(TLS_CERT, tls_cert), _read(TLS_KEY, tls_key)
    client_ca = _read(TLS_CLIENT_CA, tls_client_ca) if tls_client_ca is not None else None
    _check_pem(tls_cert, tls_key, tls_client_ca)
    credentials = grpc.ssl_server_credentials([(key, cert)], root_certificates=client_ca, require_client_auth=client_ca is not None)
    return ServerSecurity(auth_token=auth_token, credentials=credentials, client_auth=client_ca is not None)


def _check_pem(cert: str, key: str, client_ca: str | None) -> None:
    # gRPC only parses these when the first client connects (and then logs, and refuses the
    # handshake): parse them now with the stdlib, which also checks that the key fits the cert.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(cert, key, password=lambda: b"")  # never prompt: gRPC cannot use an encrypted key anyway
    except ssl.SSLError as err:
        raise SettingsError(f"--tls-cert {cert} / --tls-key {key}: not a PEM certificate chain and its matching private key ({err.reason or err})") from None
    if client_ca is not None:
        try:
            context.load_verify_locations(cafile=client_ca)
        except ssl.SSLError as err:
            raise SettingsError(f"--tls-client-ca {client_ca}: not a PEM CA bundle ({err.reason or err})") from None
