"""gRPC server reflection, grpc.reflection.v1 and v1alpha (grpcio-reflection is not installable
here), so grpcurl and clients in other languages need no .proto files for the learner.

Descriptors come from the process's protobuf pool (descriptor_pool.Default()), where the
generated modules registered them on import: what is served is exactly what the server speaks.
Every file answer carries the file first, then its transitive imports, as grpcurl expects. A
request that cannot be answered gets an error_response and the stream stays open.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType
from typing import Any

import grpc
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import FileDescriptor
from google.protobuf.descriptor_pool import DescriptorPool

from swirl_client.reflection.v1 import reflection_pb2 as v1_pb2, reflection_pb2_grpc as v1_pb2_grpc
from swirl_client.reflection.v1alpha import reflection_pb2 as v1alpha_pb2, reflection_pb2_grpc as v1alpha_pb2_grpc

REFLECTION_SERVICES: tuple[str, ...] = tuple(
    pb.DESCRIPTOR.services_by_name["ServerReflection"].full_name for pb in (v1_pb2, v1alpha_pb2)
)
_NOT_FOUND: int = grpc.StatusCode.NOT_FOUND.value[0]
_INVALID_ARGUMENT: int = grpc.StatusCode.INVALID_ARGUMENT.value[0]


class NotFound(LookupError):
    """A symbol, file, type or extension the pool does not hold; its text is the client's message."""


class DescriptorIndex:
    """Answers reflection questions from a descriptor pool, independently of the proto version."""

    def __init__(self, services: Iterable[str], pool: DescriptorPool | None = None) -> None:
        self._pool = pool if pool is not None else descriptor_pool.Default()
        self._services = sorted(set(services))
        for name in self._services:  # a typo here would make grpcurl fail much later, obscurely
            try:
                self._pool.FindServiceByName(name)
            except KeyError:
                raise ValueError(f"service {name!r} is not in the descriptor pool; import its generated module first") from None

    @property
    def services(self) -> list[str]:
        return list(self._services)

    def file_by_name(self, filename: str) -> list[bytes]:
        try:
            return _with_dependencies(self._pool.FindFileByName(filename))
        except KeyError:
            raise NotFound(f"file not found: {filename!r}") from None

    def file_containing_symbol(self, symbol: str) -> list[bytes]:
        return _with_dependencies(self._file_of_symbol(symbol))

    def file_containing_extension(self, containing_type: str, number: int) -> list[bytes]:
        message = self._message(containing_type)
        try:
            extension = self._pool.FindExtensionByNumber(message, number)
        except KeyError:
            raise NotFound(f"extension not found: number {number} of {containing_type!r}") from None
        return _with_dependencies(extension.file)

    def extension_numbers(self, containing_type: str) -> tuple[str, list[int]]:
        """The type's full name and its known extension numbers (empty when it has none: the type
        itself exists, so this is an answer, not an error; grpcurl asks it of every message type
        with extension ranges and would fail on NOT_FOUND)."""
        message = self._message(containing_type)
        return message.full_name, sorted(ext.number for ext in self._pool.FindAllExtensions(message))

    def _message(self, name: str) -> Any:
        try:
            return self._pool.FindMessageTypeByName(name)
        except KeyError:
            raise NotFound(f"message type not found: {name!r}") from None

    def _file_of_symbol(self, symbol: str) -> FileDescriptor:
        try:
            return self._pool.FindFileContainingSymbol(symbol)
        except KeyError:
            pass
        # The upb pool does not index methods: resolve `<service>.<method>` through the service.
        service_name, _, method = symbol.rpartition(".")
        if service_name:
            try:
                service = self._pool.FindServiceByName(service_name)
            except KeyError:
                service = None
            if service is not None and method in service.methods_by_name:
                return service.file
        raise NotFound(f"symbol not found: {symbol!r}")


def _with_dependencies(root: FileDescriptor) -> list[bytes]:
    """Serialized FileDescriptorProtos of `root` (first: clients take the first as the answer)
    and of every file it imports, directly or not, each once."""
    out: list[bytes] = []
    seen = {root.name}
    pending = [root]
    while pending:
        current = pending.pop()
        out.append(current.serialized_pb)
        for dep in current.dependencies:
            if dep.name not in seen:
                seen.add(dep.name)
                pending.append(dep)
    return out


class ReflectionServicer:
    """ServerReflection of one proto version; `pb` is that version's generated message module
    (v1 and v1alpha have the same messages in different packages)."""

    def __init__(self, index: DescriptorIndex, pb: ModuleType) -> None:
        self._index = index
        self._pb = pb

    def ServerReflectionInfo(self, request_iterator: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
        for request in request_iterator:
            yield self.answer(request)

    def answer(self, request: Any) -> Any:
        pb = self._pb
        response = pb.ServerReflectionResponse(valid_host=request.host, original_request=request)
        kind = request.WhichOneof("message_request")
        try:
            if kind == "list_services":
                response.list_services_response.service.extend(pb.ServiceResponse(name=n) for n in self._index.services)
            elif kind == "file_by_filename":
                response.file_descriptor_response.file_descriptor_proto.extend(self._index.file_by_name(request.file_by_filename))
            elif kind == "file_containing_symbol":
                files = self._index.file_containing_symbol(request.file_containing_symbol)
                response.file_descriptor_response.file_descriptor_proto.extend(files)
            elif kind == "file_containing_extension":
                ext = request.file_containing_extension
                files = self._index.file_containing_extension(ext.containing_type, ext.extension_number)
                response.file_descriptor_response.file_descriptor_proto.extend(files)
            elif kind == "all_extension_numbers_of_type":
                base, numbers = self._index.extension_numbers(request.all_extension_numbers_of_type)
                response.all_extension_numbers_response.base_type_name = base
                response.all_extension_numbers_response.extension_number.extend(numbers)
            else:
                response.error_response.error_code = _INVALID_ARGUMENT
                response.error_response.error_message = "empty reflection request: set one of the message_request fields"
        except NotFound as missing:
            response.error_response.error_code = _NOT_FOUND
            response.error_response.error_message = str(missing)
        return response


def add_reflection_to_server(server: grpc.Server, services: Sequence[str], pool: DescriptorPool | None = None) -> DescriptorIndex:
    """Registers both reflection versions on `server`. `services` are the other services the
    server offers; the reflection services are listed too."""
    index = DescriptorIndex([*services, *REFLECTION_SERVICES], pool)
    v1_pb2_grpc.add_ServerReflectionServicer_to_server(ReflectionServicer(index, v1_pb2), server)
    v1alpha_pb2_grpc.add_ServerReflectionServicer_to_server(ReflectionServicer(index, v1alpha_pb2), server)
    return index
