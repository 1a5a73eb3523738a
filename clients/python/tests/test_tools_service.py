"""Cross-language proof: a Python grpcio client drives the TypeScript tools service."""

from __future__ import annotations

import json
import urllib.request

import grpc
import pytest
from google.protobuf import struct_pb2

from swirl.v1 import tools_pb2, tools_pb2_grpc, trajectory_pb2
from swirl_client.health.v1 import health_pb2, health_pb2_grpc

from conftest import RunningService, wait_serving


def _call(tool: str, **arguments: object) -> tools_pb2.ExecuteRequest:
    args = struct_pb2.Struct()
    args.update(arguments)
    return tools_pb2.ExecuteRequest(call=trajectory_pb2.ToolCall(tool_name=tool, arguments=args, call_id="py"))


@pytest.fixture(scope="module")
def stub(tools_service: RunningService) -> tools_pb2_grpc.ToolServiceStub:
    channel = tools_service.channel()
    assert wait_serving(channel) == health_pb2.HealthCheckResponse.SERVING
    return tools_pb2_grpc.ToolServiceStub(channel)


def test_health_reports_serving_for_the_service(tools_service: RunningService) -> None:
    channel = tools_service.channel()
    assert wait_serving(channel, "swirl.v1.ToolService") == health_pb2.HealthCheckResponse.SERVING


def test_list_tools_gives_json_schemas(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    tools = {t.name: t for t in stub.ListTools(tools_pb2.ListToolsRequest(), timeout=5).tools}
    assert set(tools) == {"calculator", "search"}
    schema = json.loads(tools["search"].input_schema_json)
    assert schema["properties"]["corpus"]["enum"] == ["hotpotqa-dev", "musique-dev"]


def test_calculator_is_exact(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    result = stub.Execute(_call("calculator", expression="48 / 2"), timeout=5).result
    assert result.status == trajectory_pb2.TOOL_RESULT_STATUS_OK
    assert result.observation == "48 / 2 -> 24"
    assert result.calculator.exact
    third = stub.Execute(_call("calculator", expression="(0.1 + 0.2) / 3"), timeout=5).result
    assert (third.output, third.calculator.fraction) == ("0.1", "1/10")


def test_calculator_mistake_is_a_readable_result(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    result = stub.Execute(_call("calculator", expression="1/0"), timeout=5).result
    assert result.status == trajectory_pb2.TOOL_RESULT_STATUS_TOOL_ERROR
    assert result.calculator.error_code == "DIVISION_BY_ZERO"
    assert result.observation.startswith("1/0 -> error:")


def test_search_finds_the_gold_paragraph_on_real_data(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    # A HotPotQA dev question's bridge entity: the article should rank first.
    result = stub.Execute(_call("search", query="Scott Derrickson American director", top_k=3), timeout=5).result
    assert result.status == trajectory_pb2.TOOL_RESULT_STATUS_OK
    assert result.search.corpus == "hotpotqa-dev"
    assert [h.rank for h in result.search.hits] == [1, 2, 3]
    assert result.search.hits[0].title == "Scott Derrickson"
    assert result.observation.startswith("Scott Derrickson American director -> Scott Derrickson:")
    assert "\n" not in result.observation and result.observation.count(" | ") >= 2


def test_search_in_the_second_corpus(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    result = stub.Execute(_call("search", query="capital", corpus="musique-dev", top_k=2), timeout=5).result
    assert result.status == trajectory_pb2.TOOL_RESULT_STATUS_OK
    assert len(result.search.hits) == 2


def test_unknown_tool_is_not_found(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    with pytest.raises(grpc.RpcError) as caught:
        stub.Execute(_call("weather", city="Paris"), timeout=5)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert "available tools: calculator, search" in caught.value.details()


def test_malformed_arguments_are_invalid(stub: tools_pb2_grpc.ToolServiceStub) -> None:
    with pytest.raises(grpc.RpcError) as caught:
        stub.Execute(_call("search", query="x", top_k=0), timeout=5)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert 'argument "top_k" must be between 1 and 50' in caught.value.details()


def test_metrics_count_python_calls(tools_service: RunningService, stub: tools_pb2_grpc.ToolServiceStub) -> None:
    stub.Execute(_call("calculator", expression="2+2"), timeout=5)
    with urllib.request.urlopen(f"http://127.0.0.1:{tools_service.metrics_port}/metrics", timeout=5) as response:
        text = response.read().decode()
    lines = [l for l in text.splitlines() if l.startswith("grpc_server_handled_total{") and 'grpc_method="Execute"' in l and 'grpc_code="OK"' in l]
    assert lines and float(lines[0].rsplit(" ", 1)[1]) >= 1
