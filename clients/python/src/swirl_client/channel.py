"""Channel factory: bearer-token auth, optional TLS, round-robin over every resolved address."""

from __future__ import annotations

import json
from typing import Optional

import grpc


class _BearerToken(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """Adds ``authorization: Bearer <token>`` to every call (works on plaintext channels too)."""

    def __init__(self, token: str) -> None:
        self._header = ("authorization", f"Bearer {token}")

    def _with_token(self, details: grpc.ClientCallDetails) -> grpc.ClientCallDetails:
        metadata = list(details.metadata or []) + [self._header]
        return details._replace(metadata=metadata)  # type: ignore[attr-defined]

    def intercept_unary_unary(self, continuation, client_call_details, request):  # type: ignore[no-untyped-def]
        return continuation(self._with_token(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):  # type: ignore[no-untyped-def]
        return continuation(self._with_token(client_call_details), request)


def open_channel(
    target: str,
    *,
    token: Optional[str] = None,
    root_certificates: Optional[bytes] = None,
) -> grpc.Channel:
    """Opens a channel to ``target`` (``host:port`` or ``dns:///name:port``).

    TLS is used when ``root_certificates`` (PEM) is given; ``token`` is sent as a bearer token.
    """
    options = [
        ("grpc.service_config", json.dumps({"loadBalancingConfig": [{"round_robin": {}}]})),
        ("grpc.keepalive_time_ms", 30_000),
        ("grpc.max_receive_message_length", 16 * 1024 * 1024),
    ]
    if root_certificates is not None:
        channel = grpc.secure_channel(target, grpc.ssl_channel_credentials(root_certificates), options)
    else:
        channel = grpc.insecure_channel(target, options)
    if token is not None:
        channel = grpc.intercept_channel(channel, _BearerToken(token))
    return channel
