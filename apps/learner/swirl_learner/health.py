"""grpc.health.v1 Health servicer (grpcio-health-checking is not installable here)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import grpc

from swirl_client.health.v1 import health_pb2, health_pb2_grpc

Status = health_pb2.HealthCheckResponse.ServingStatus


class HealthServicer(health_pb2_grpc.HealthServicer):
    def __init__(self, services: list[str]) -> None:
        self._statuses: dict[str, int] = {name: health_pb2.HealthCheckResponse.NOT_SERVING for name in ["", *services]}
        self._changed = threading.Condition()

    def set_all(self, status: int) -> None:
        with self._changed:
            for name in self._statuses:
                self._statuses[name] = status
            self._changed.notify_all()

    def Check(self, request: health_pb2.HealthCheckRequest, context: grpc.ServicerContext) -> health_pb2.HealthCheckResponse:
        with self._changed:
            status = self._statuses.get(request.service)
        if status is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"unknown service {request.service!r}")
        return health_pb2.HealthCheckResponse(status=status)

    def Watch(self, request: health_pb2.HealthCheckRequest, context: grpc.ServicerContext) -> Iterator[health_pb2.HealthCheckResponse]:
        last: int | None = None
        while context.is_active():
            with self._changed:
                status = self._statuses.get(request.service, health_pb2.HealthCheckResponse.SERVICE_UNKNOWN)
                if status == last:
                    self._changed.wait(timeout=1.0)  # wake up now and then to notice cancellation
                    continue
            last = status
            yield health_pb2.HealthCheckResponse(status=status)

    def List(self, request: health_pb2.HealthListRequest, context: grpc.ServicerContext) -> health_pb2.HealthListResponse:
        with self._changed:
            return health_pb2.HealthListResponse(
                statuses={name: health_pb2.HealthCheckResponse(status=s) for name, s in self._statuses.items()}
            )
