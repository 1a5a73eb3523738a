"""Channel factory: bearer-token auth, optional TLS and mTLS, round-robin over every resolved
address, with the environment variables the services use (SWIRL_AUTH_TOKEN, SWIRL_TLS_*)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional

import grpc

_ENV_TOKEN = "SWIRL_AUTH_TOKEN"
_ENV_CA = "SWIRL_TLS_CA"
_ENV_CERT = "SWIRL_TLS_CERT"
_ENV_KEY = "SWIRL_TLS_KEY"


class _BearerToken(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds ``authorization: Bearer <token>`` to every call, streaming ones too (server reflection
    needs the token), and works on plaintext channels (call credentials would not)."""

    def __init__(self, token: str) -> None:
        self._header = ("authorization", f"Bearer {token}")

    def _with_token(self, details: grpc.ClientCallDetails) -> grpc.ClientCallDetails:
        metadata = list(details.metadata or []) + [self._header]
        return details._replace(metadata=metadata)  # type: ignore[attr-defined]

    def intercept_unary_unary(self, continuation, client_call_details, request):  # type: ignore[no-untyped-def]
        return continuation(self._with_token(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):  # type: ignore[no-untyped-def]
        return continuation(self._with_token(client_call_details), request)

    def intercept_stream_unary(self, continuation, client_call_details, request_iterator):  # type: ignore[no-untyped-def]
        return continuation(self._with_token(client_call_details), request_iterator)

    def intercept_stream_stream(self, continuation, client_call_details, request_iterator):  # type: ignore[no-untyped-def]
        return continuation(self._with_token(client_call_details), request_iterator)


def _read_env_file(env: Mapping[str, str], name: str) -> Optional[bytes]:
    path = env.get(name)
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise ValueError(f"{name}={path}: cannot read the file: {err.strerror or err}") from None


def open_channel(
    target: str,
    *,
    token: Optional[str] = None,
    root_certificates: Optional[bytes] = None,
    certificate_chain: Optional[bytes] = None,
    private_key: Optional[bytes] = None,
    server_name: Optional[str] = None,
    env: Optional[Mapping[str, str]] = None,
) -> grpc.Channel:
    """Opens a channel to ``target`` (``host:port`` or ``dns:///name:port``).

    ``token`` is sent as ``authorization: Bearer <token>``. TLS is used when ``root_certificates``
    (PEM of the CA to trust) is given; ``certificate_chain`` + ``private_key`` (PEM) are the
    client's certificate for mTLS; ``server_name`` is the name to expect in the server's
    certificate when it differs from the target's host (e.g. through a port-forward).

    ``env`` (e.g. ``os.environ``) fills what is not passed, with the services' variables:
    ``SWIRL_AUTH_TOKEN``; ``SWIRL_TLS_CA`` (a file: switches TLS on); with TLS,
    ``SWIRL_TLS_CERT`` + ``SWIRL_TLS_KEY`` (files) as the client certificate. Empty values are
    unset. Without ``env`` nothing is read from the environment.
    """
    if env is not None:
        token = token if token is not None else (env.get(_ENV_TOKEN) or None)
        root_certificates = root_certificates if root_certificates is not None else _read_env_file(env, _ENV_CA)
        if root_certificates is not None and certificate_chain is None and private_key is None:
            certificate_chain, private_key = _read_env_file(env, _ENV_CERT), _read_env_file(env, _ENV_KEY)
    if (certificate_chain is None) != (private_key is None):
        raise ValueError("a client certificate needs both certificate_chain and private_key (or neither)")
    if certificate_chain is not None and root_certificates is None:
        raise ValueError("a client certificate (mTLS) needs TLS: pass root_certificates (or SWIRL_TLS_CA)")
    options: list[tuple[str, Any]] = [
        ("grpc.service_config", json.dumps({"loadBalancingConfig": [{"round_robin": {}}]})),
        ("grpc.keepalive_time_ms", 30_000),
        ("grpc.max_receive_message_length", 16 * 1024 * 1024),
    ]
    if root_certificates is not None:
        if server_name is not None:
            options.append(("grpc.ssl_target_name_override", server_name))
        credentials = grpc.ssl_channel_credentials(root_certificates, private_key, certificate_chain)
        channel = grpc.secure_channel(target, credentials, options)
    else:
        channel = grpc.insecure_channel(target, options)
    if token is not None:
        channel = grpc.intercept_channel(channel, _BearerToken(token))
    return channel
