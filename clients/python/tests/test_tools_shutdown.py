"""The service stops cleanly on SIGTERM, as Kubernetes sends it: NOT_SERVING, drain, exit 0."""

from __future__ import annotations

import signal

from swirl.v1 import tools_pb2, tools_pb2_grpc
from swirl_client.health.v1 import health_pb2

from conftest import start_tools_service, wait_serving


def test_sigterm_drains_and_exits_zero(index_cache_dir: str) -> None:
    service = start_tools_service(index_cache_dir)
    channel = service.channel()
    assert wait_serving(channel) == health_pb2.HealthCheckResponse.SERVING
    tools_pb2_grpc.ToolServiceStub(channel).ListTools(tools_pb2.ListToolsRequest(), timeout=5)

    assert service.stop(signal.SIGTERM) == 0
    messages = [entry["msg"] for entry in service.log]
    assert messages[-2:] == ["shutting down", "stopped"]
