"""Server reflection (grpc.reflection.v1 and v1alpha) on a real learner server on a loopback port,
asked through the generated reflection stubs over one bidirectional stream per test, the way
grpcurl asks: list the services, fetch files by symbol or name, rebuild the descriptors."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import grpc
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool

from conftest import Server
from swirl_client.reflection.v1 import reflection_pb2 as v1_pb2, reflection_pb2_grpc as v1_pb2_grpc
from swirl_client.reflection.v1alpha import reflection_pb2 as v1alpha_pb2, reflection_pb2_grpc as v1alpha_pb2_grpc

LEARNER = "swirl.v1.LearnerService"
HEALTH = "grpc.health.v1.Health"
NOT_FOUND = grpc.StatusCode.NOT_FOUND.value[0]
VERSIONS = [pytest.param((v1_pb2, v1_pb2_grpc), id="v1"), pytest.param((v1alpha_pb2, v1alpha_pb2_grpc), id="v1alpha")]


class Reflection:
    """One open ServerReflectionInfo stream: each `ask` writes a request and reads its answer."""

    def __init__(self, channel: grpc.Channel, pb: ModuleType, pb_grpc: ModuleType) -> None:
        self.pb = pb
        self._requests: queue.Queue[Any] = queue.Queue()
        stub = pb_grpc.ServerReflectionStub(channel)
        self._call = stub.ServerReflectionInfo(iter(self._requests.get, None), timeout=30)

    def ask(self, **request: Any) -> Any:
        sent = self.pb.ServerReflectionRequest(host="learner.test", **request)
        self._requests.put(sent)
        response = next(self._call)
        assert response.valid_host == "learner.test"
        assert response.original_request == sent
        return response

    def files(self, **request: Any) -> list[descriptor_pb2.FileDescriptorProto]:
        response = self.ask(**request)
        assert response.WhichOneof("message_response") == "file_descriptor_response", response.error_response
        return [descriptor_pb2.FileDescriptorProto.FromString(raw) for raw in response.file_descriptor_response.file_descriptor_proto]

    def close(self) -> None:
        self._requests.put(None)  # half-close: the server ends the stream with OK
        assert list(self._call) == []
        assert self._call.code() == grpc.StatusCode.OK


@pytest.fixture(params=VERSIONS)
def reflection(request: pytest.FixtureRequest, server: Server) -> Iterator[Reflection]:
    pb, pb_grpc = request.param
    stream = Reflection(server.channel, pb, pb_grpc)
    yield stream
    stream.close()


def rebuild(files: list[descriptor_pb2.FileDescriptorProto]) -> descriptor_pool.DescriptorPool:
    """A fresh pool from the served files alone, each added after its imports (so a missing
    transitive import fails here, as it would in grpcurl)."""
    pool = descriptor_pool.DescriptorPool()
    by_name = {f.name: f for f in files}
    added: set[str] = set()

    def add(name: str) -> None:
        if name in added:
            return
        assert name in by_name, f"{name} was not served"
        for dep in by_name[name].dependency:
            add(dep)
        pool.Add(by_name[name])
        added.add(name)

    for f in files:
        add(f.name)
    return pool


def test_lists_every_registered_service(reflection: Reflection) -> None:
    response = reflection.ask(list_services="")
    names = [s.name for s in response.list_services_response.service]
    assert set(names) == {LEARNER, HEALTH, "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"}


def test_learner_service_rebuilds_from_its_file_and_transitive_imports(reflection: Reflection) -> None:
    files = reflection.files(file_containing_symbol=LEARNER)
    assert files[0].name == "swirl/v1/learner.proto"  # clients take the first file as the answer
    names = [f.name for f in files]
    assert len(names) == len(set(names))
    # struct and timestamp come in only through common.proto: the closure is transitive.
    assert {"swirl/v1/common.proto", "google/protobuf/duration.proto", "google/protobuf/struct.proto", "google/protobuf/timestamp.proto"} <= set(names)
    service = rebuild(files).FindServiceByName(LEARNER)
    train = service.methods_by_name["TrainStep"]
    assert (train.input_type.full_name, train.output_type.full_name) == ("swirl.v1.TrainStepRequest", "swirl.v1.TrainStepResponse")
    assert {"Init", "TrainStep", "Logprobs", "Save", "Load", "Export", "GetStatus"} <= set(service.methods_by_name)


def test_every_listed_service_resolves(reflection: Reflection) -> None:
    listed = [s.name for s in reflection.ask(list_services="").list_services_response.service]
    for name in listed:
        pool = rebuild(reflection.files(file_containing_symbol=name))
        assert pool.FindServiceByName(name).full_name == name


@pytest.mark.parametrize(
    ("symbol", "filename"),
    [
        ("swirl.v1.LearnerService.TrainStep", "swirl/v1/learner.proto"),  # method
        ("swirl.v1.TrainStepRequest", "swirl/v1/learner.proto"),  # message
        ("swirl.v1.LossKind", "swirl/v1/learner.proto"),  # enum
        ("google.protobuf.Duration", "google/protobuf/duration.proto"),  # message of an imported file
        ("grpc.health.v1.Health.Check", "swirl_client/health/v1/health.proto"),
    ],
)
def test_file_containing_symbol(reflection: Reflection, symbol: str, filename: str) -> None:
    files = reflection.files(file_containing_symbol=symbol)
    assert files[0].name == filename
    pool = rebuild(files)
    if symbol.endswith(".TrainStep"):
        assert pool.FindMethodByName(symbol).input_type.full_name == "swirl.v1.TrainStepRequest"
    elif symbol == "swirl.v1.LossKind":
        assert "LOSS_KIND_SFT" in pool.FindEnumTypeByName(symbol).values_by_name
    elif not symbol.endswith(".Check"):
        assert pool.FindMessageTypeByName(symbol).full_name == symbol


def test_file_by_filename(reflection: Reflection) -> None:
    files = reflection.files(file_by_filename="swirl/v1/common.proto")
    assert files[0].name == "swirl/v1/common.proto"
    assert rebuild(files).FindMessageTypeByName("swirl.v1.ChatMessage").fields_by_name["content"].number > 0


@pytest.mark.parametrize(
    ("request_fields", "needle"),
    [
        ({"file_containing_symbol": "swirl.v1.NoSuchThing"}, "swirl.v1.NoSuchThing"),
        ({"file_containing_symbol": "swirl.v1.LearnerService.NoSuchMethod"}, "NoSuchMethod"),
        ({"file_by_filename": "swirl/v1/missing.proto"}, "swirl/v1/missing.proto"),
        ({"all_extension_numbers_of_type": "swirl.v1.NoSuchMessage"}, "swirl.v1.NoSuchMessage"),
        ({"file_containing_extension": {"containing_type": "swirl.v1.NoSuchMessage", "extension_number": 100}}, "swirl.v1.NoSuchMessage"),
        ({"file_containing_extension": {"containing_type": "google.protobuf.MessageOptions", "extension_number": 59999}}, "59999"),
    ],
)
def test_unknown_names_answer_not_found_and_the_stream_goes_on(reflection: Reflection, request_fields: dict[str, Any], needle: str) -> None:
    response = reflection.ask(**request_fields)
    assert response.WhichOneof("message_response") == "error_response"
    assert response.error_response.error_code == NOT_FOUND
    assert needle in response.error_response.error_message and "not found" in response.error_response.error_message
    # The same stream still answers.
    assert reflection.files(file_containing_symbol=LEARNER)[0].name == "swirl/v1/learner.proto"


def test_empty_request_is_invalid_argument(reflection: Reflection) -> None:
    response = reflection.ask()
    assert response.error_response.error_code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert reflection.ask(list_services="").list_services_response.service


def test_a_type_without_extensions_has_an_empty_list(reflection: Reflection) -> None:
    response = reflection.ask(all_extension_numbers_of_type="swirl.v1.TrainStepRequest")
    assert response.WhichOneof("message_response") == "all_extension_numbers_response"
    assert response.all_extension_numbers_response.base_type_name == "swirl.v1.TrainStepRequest"
    assert list(response.all_extension_numbers_response.extension_number) == []


@pytest.fixture(scope="module")
def custom_option() -> str:
    """Registers a custom option (an extension of MessageOptions) in the process's descriptor
    pool, as importing a generated module with one would; the server shares that pool."""
    proto = descriptor_pb2.FileDescriptorProto(
        name="swirl_learner_tests/reflection_options.proto", package="swirl_learner_tests", syntax="proto3",
        dependency=["google/protobuf/descriptor.proto"],
    )
    proto.extension.add(
        name="reflection_test_owner", number=50123, extendee=".google.protobuf.MessageOptions",
        label=descriptor_pb2.FieldDescriptorProto.LABEL_OPTIONAL, type=descriptor_pb2.FieldDescriptorProto.TYPE_STRING,
    )
    descriptor_pool.Default().AddSerializedFile(proto.SerializeToString())
    return proto.name


def test_extensions_of_a_type(reflection: Reflection, custom_option: str) -> None:
    response = reflection.ask(all_extension_numbers_of_type="google.protobuf.MessageOptions")
    assert response.all_extension_numbers_response.base_type_name == "google.protobuf.MessageOptions"
    assert 50123 in response.all_extension_numbers_response.extension_number
    files = reflection.files(file_containing_extension={"containing_type": "google.protobuf.MessageOptions", "extension_number": 50123})
    assert [f.name for f in files] == [custom_option, "google/protobuf/descriptor.proto"]
    assert rebuild(files).FindExtensionByName("swirl_learner_tests.reflection_test_owner").number == 50123
