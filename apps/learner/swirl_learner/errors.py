"""Errors that carry the gRPC status a caller should see; messages say what to fix."""

from __future__ import annotations

import grpc


class LearnerError(Exception):
    code: grpc.StatusCode = grpc.StatusCode.INTERNAL


class InvalidArgument(LearnerError):
    code = grpc.StatusCode.INVALID_ARGUMENT


class NotFound(LearnerError):
    code = grpc.StatusCode.NOT_FOUND


class FailedPrecondition(LearnerError):
    code = grpc.StatusCode.FAILED_PRECONDITION


class ResourceExhausted(LearnerError):
    code = grpc.StatusCode.RESOURCE_EXHAUSTED


class Unimplemented(LearnerError):
    code = grpc.StatusCode.UNIMPLEMENTED


class Internal(LearnerError):
    code = grpc.StatusCode.INTERNAL
