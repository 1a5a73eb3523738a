"""Bearer-token auth, as the TypeScript kit does it (libs/grpc-kit/src/server/auth-interceptor.ts):
every call but the exempt services' (health, so probes and load balancers need no secret) must
carry `authorization: Bearer <token>`; others end UNAUTHENTICATED before the handler runs.
Server reflection is not exempt, as in the kit."""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Iterator
from typing import Any

import grpc

MISSING = 'missing credentials: send the metadata header "authorization: Bearer <token>"'
INVALID = 'invalid credentials: the bearer token in "authorization" is not accepted'
_BEARER = re.compile(r"^Bearer\s+(.+)$", re.IGNORECASE)


class BearerAuthInterceptor(grpc.ServerInterceptor):
    """Must come after the metrics interceptor in the server's list, so that rejected calls are
    still counted (grpc_code="Unauthenticated"), as in the kit."""

    def __init__(self, token: str, exempt_services: frozenset[str]) -> None:
        self._expected = token.encode()
        self._exempt = exempt_services

    def _problem(self, metadata: Any) -> str | None:
        """None if the call may proceed, else the reason it may not."""
        header = next((value for key, value in metadata or () if key == "authorization"), None)
        if header is None:
            return MISSING
        match = _BEARER.match(header.strip()) if isinstance(header, str) else None
        # compare_digest takes time independent of where the strings differ.
        if match is None or not hmac.compare_digest(match.group(1).encode(), self._expected):
            return INVALID
        return None

    def intercept_service(
        self, continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None], details: grpc.HandlerCallDetails
    ) -> grpc.RpcMethodHandler | None:
        parts = details.method.split("/")
        if len(parts) == 3 and parts[1] in self._exempt:
            return continuation(details)
        problem = self._problem(details.invocation_metadata)
        handler = continuation(details)
        if problem is None or handler is None:  # unknown methods stay UNIMPLEMENTED
            return handler
        return _rejecting(handler, problem)


def _rejecting(handler: grpc.RpcMethodHandler, message: str) -> grpc.RpcMethodHandler:
    """A handler of the same shape as `handler` that ends the call UNAUTHENTICATED."""

    def reject(_request: Any, context: grpc.ServicerContext) -> Any:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, message)

    def reject_stream(_request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, message)
        yield from ()  # a generator: the streaming handlers' shape

    de, ser = handler.request_deserializer, handler.response_serializer
    if handler.request_streaming and handler.response_streaming:
        return grpc.stream_stream_rpc_method_handler(reject_stream, request_deserializer=de, response_serializer=ser)
    if handler.request_streaming:
        return grpc.stream_unary_rpc_method_handler(reject, request_deserializer=de, response_serializer=ser)
    if handler.response_streaming:
        return grpc.unary_stream_rpc_method_handler(reject_stream, request_deserializer=de, response_serializer=ser)
    return grpc.unary_unary_rpc_method_handler(reject, request_deserializer=de, response_serializer=ser)
