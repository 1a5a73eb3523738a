"""Prometheus metrics of the learner: the standard gRPC server series, named and labelled exactly
like the TypeScript kit's (libs/grpc-kit server-metrics.ts), so one dashboard and one set of alert
rules cover every service, plus the learner's domain series (steps, tokens, loss, exports).

The domain series are read off the responses in the interceptor, so the servicer stays free of
metrics code."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from wsgiref.simple_server import WSGIServer

import grpc
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client.metrics_core import Metric
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector
from prometheus_client.registry import Collector

from swirl.v1 import learner_pb2 as L

# Go-style names of the grpc_code label (dashboards and alert rules match on these strings).
GRPC_CODE_NAMES: dict[grpc.StatusCode, str] = {
    grpc.StatusCode.OK: "OK",
    grpc.StatusCode.CANCELLED: "Canceled",
    grpc.StatusCode.UNKNOWN: "Unknown",
    grpc.StatusCode.INVALID_ARGUMENT: "InvalidArgument",
    grpc.StatusCode.DEADLINE_EXCEEDED: "DeadlineExceeded",
    grpc.StatusCode.NOT_FOUND: "NotFound",
    grpc.StatusCode.ALREADY_EXISTS: "AlreadyExists",
    grpc.StatusCode.PERMISSION_DENIED: "PermissionDenied",
    grpc.StatusCode.RESOURCE_EXHAUSTED: "ResourceExhausted",
    grpc.StatusCode.FAILED_PRECONDITION: "FailedPrecondition",
    grpc.StatusCode.ABORTED: "Aborted",
    grpc.StatusCode.OUT_OF_RANGE: "OutOfRange",
    grpc.StatusCode.UNIMPLEMENTED: "Unimplemented",
    grpc.StatusCode.INTERNAL: "Internal",
    grpc.StatusCode.UNAVAILABLE: "Unavailable",
    grpc.StatusCode.DATA_LOSS: "DataLoss",
    grpc.StatusCode.UNAUTHENTICATED: "Unauthenticated",
}
# Same buckets as the kit's grpc_server_handling_seconds, so histograms aggregate across services.
HANDLING_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
TRAIN_STEP_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# A cancel this close to the deadline counts as DeadlineExceeded (the kit uses the same slack).
DEADLINE_SLACK_S = 0.25
METHOD_LABELS = ("grpc_type", "grpc_service", "grpc_method")


class _WithServiceLabel(Collector):
    """Adds `service="<name>"` to every sample of `inner` (the kit's registry default label) and
    drops the `_created` samples prom-client never emits, so both languages expose the same series."""

    def __init__(self, inner: CollectorRegistry, service: str) -> None:
        self._inner = inner
        self._service = service

    def collect(self) -> Iterable[Metric]:
        for family in self._inner.collect():
            out = Metric(family.name, family.documentation, family.type, family.unit)
            for s in family.samples:
                if s.name.endswith("_created"):
                    continue
                out.add_sample(s.name, {**s.labels, "service": self._service}, s.value, s.timestamp, s.exemplar)
            yield out


@dataclass(frozen=True)
class _Labels:
    grpc_type: str
    grpc_service: str
    grpc_method: str

    def as_dict(self) -> dict[str, str]:
        return {"grpc_type": self.grpc_type, "grpc_service": self.grpc_service, "grpc_method": self.grpc_method}


def _labels(method_path: str, handler: grpc.RpcMethodHandler) -> _Labels:
    parts = method_path.split("/")
    service, method = (parts[1], parts[2]) if len(parts) == 3 else ("", method_path)
    if handler.request_streaming:
        kind = "bidi_stream" if handler.response_streaming else "client_stream"
    else:
        kind = "server_stream" if handler.response_streaming else "unary"
    return _Labels(kind, service, method)


class LearnerMetrics:
    """Every series of the learner, in a registry of its own (tests start several servers)."""

    def __init__(self, version: str, service: str = "learner") -> None:
        inner = CollectorRegistry(auto_describe=True)
        ProcessCollector(registry=inner)
        PlatformCollector(registry=inner)
        Gauge("swirl_build_info", "Always 1; labels carry the service and its version.", ["version"], registry=inner).labels(version).set(1)
        self.started = Counter("grpc_server_started_total", "Total number of RPCs started on the server.", METHOD_LABELS, registry=inner)
        self.handled = Counter(
            "grpc_server_handled_total", "Total number of RPCs completed on the server, regardless of success or failure.",
            [*METHOD_LABELS, "grpc_code"], registry=inner,
        )
        self.handling_seconds = Histogram(
            "grpc_server_handling_seconds", "Histogram of response latency (seconds) of gRPC that had been application-level handled by the server.",
            METHOD_LABELS, buckets=HANDLING_BUCKETS, registry=inner,
        )
        self.msg_received = Counter("grpc_server_msg_received_total", "Total number of RPC stream messages received on the server.", METHOD_LABELS, registry=inner)
        self.msg_sent = Counter("grpc_server_msg_sent_total", "Total number of gRPC stream messages sent by the server.", METHOD_LABELS, registry=inner)
        # Domain series.
        self.train_steps = Counter("swirl_learner_train_steps_total", "Optimizer updates applied (replays not counted), by loss kind.", ["loss"], registry=inner)
        self.replayed_steps = Counter("swirl_learner_replayed_steps_total", "TrainStep calls answered from the replay memory (nothing applied).", registry=inner)
        self.tokens_trained = Counter("swirl_learner_tokens_trained_total", "Masked (trained) tokens over all applied updates.", ["loss"], registry=inner)
        self.sequences_trained = Counter("swirl_learner_sequences_trained_total", "Sequences over all applied updates.", ["loss"], registry=inner)
        self.train_step_seconds = Histogram(
            "swirl_learner_train_step_seconds", "Wall time of one applied update, as the learner reports it.", ["loss"],
            buckets=TRAIN_STEP_BUCKETS, registry=inner,
        )
        self.loss = Gauge("swirl_learner_loss", "Total loss of the last applied update.", ["loss"], registry=inner)
        self.kl = Gauge("swirl_learner_kl", "Mean per-token KL to the reference of the last applied update.", registry=inner)
        self.grad_norm = Gauge("swirl_learner_grad_norm", "Gradient norm before clipping of the last applied update.", registry=inner)
        self.learning_rate = Gauge("swirl_learner_learning_rate", "Learning rate of the last applied update.", registry=inner)
        self.step = Gauge("swirl_learner_step", "The session's current step (0 after Init).", registry=inner)
        self.exports = Counter("swirl_learner_exports_total", "ONNX exports written and verified.", registry=inner)
        self.checkpoints = Counter("swirl_learner_checkpoints_saved_total", "Checkpoints written by Save.", registry=inner)
        self.registry = CollectorRegistry(auto_describe=True)
        self.registry.register(_WithServiceLabel(inner, service))

    def observe_response(self, method: str, request: Any, response: Any) -> None:
        """Updates the domain series from a successful LearnerService response."""
        if method == "TrainStep" and isinstance(response, L.TrainStepResponse):
            if response.replayed:
                self.replayed_steps.inc()
                return
            kind = L.LossKind.Name(request.loss).removeprefix("LOSS_KIND_").lower()
            self.train_steps.labels(kind).inc()
            self.tokens_trained.labels(kind).inc(response.loss_tokens)
            self.sequences_trained.labels(kind).inc(response.sequences)
            self.train_step_seconds.labels(kind).observe(response.elapsed.ToTimedelta().total_seconds())
            self.loss.labels(kind).set(response.loss)
            self.kl.set(response.kl)
            self.grad_norm.set(response.grad_norm)
            self.learning_rate.set(response.learning_rate)
            self.step.set(response.step)
        elif method == "Init" and isinstance(response, L.InitResponse):
            self.step.set(response.status.step)
        elif method == "Load" and isinstance(response, L.LoadResponse):
            self.step.set(response.step)
        elif method == "Export" and isinstance(response, L.ExportResponse):
            self.exports.inc()
        elif method == "Save" and isinstance(response, L.SaveResponse):
            self.checkpoints.inc()


class _Call:
    """Bookkeeping of one RPC: counted exactly once, with its final code."""

    def __init__(self, metrics: LearnerMetrics, labels: _Labels) -> None:
        self._metrics = metrics
        self._labels = labels.as_dict()
        self._start = time.perf_counter()
        metrics.started.labels(**self._labels).inc()

    def received(self) -> None:
        self._metrics.msg_received.labels(**self._labels).inc()

    def sent(self) -> None:
        self._metrics.msg_sent.labels(**self._labels).inc()

    def finish(self, context: grpc.ServicerContext, raised: bool) -> None:
        self._metrics.handling_seconds.labels(**self._labels).observe(time.perf_counter() - self._start)
        self._metrics.handled.labels(**self._labels, grpc_code=GRPC_CODE_NAMES.get(_final_code(context, raised), "Unknown")).inc()


def _final_code(context: grpc.ServicerContext, raised: bool) -> grpc.StatusCode:
    if not context.is_active():  # the client went away: its deadline passed, or it cancelled
        remaining = context.time_remaining()
        return grpc.StatusCode.DEADLINE_EXCEEDED if remaining is not None and remaining <= DEADLINE_SLACK_S else grpc.StatusCode.CANCELLED
    code = context.code()  # set by abort() / set_code()
    if isinstance(code, grpc.StatusCode):
        return code
    return grpc.StatusCode.UNKNOWN if raised else grpc.StatusCode.OK


class MetricsInterceptor(grpc.ServerInterceptor):
    """Counts every call of every service on the server (health included, as in the kit)."""

    def __init__(self, metrics: LearnerMetrics, domain_service: str) -> None:
        self._metrics = metrics
        self._domain_service = domain_service

    def intercept_service(
        self, continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None], details: grpc.HandlerCallDetails
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(details)
        if handler is None:
            return handler  # unknown method: grpc answers UNIMPLEMENTED
        labels = _labels(details.method, handler)
        observe = labels.grpc_service == self._domain_service
        if handler.request_streaming:
            if not handler.response_streaming:
                return handler  # no client-streaming RPCs exist here
            return grpc.stream_stream_rpc_method_handler(  # server reflection
                self._wrap_bidi(handler.stream_stream, labels),
                request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer,
            )
        if handler.response_streaming:
            return grpc.unary_stream_rpc_method_handler(
                self._wrap_stream(handler.unary_stream, labels),
                request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer,
            )
        return grpc.unary_unary_rpc_method_handler(
            self._wrap_unary(handler.unary_unary, labels, observe),
            request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer,
        )

    def _wrap_unary(self, behavior: Callable[[Any, grpc.ServicerContext], Any], labels: _Labels, observe: bool) -> Callable[[Any, grpc.ServicerContext], Any]:
        def call(request: Any, context: grpc.ServicerContext) -> Any:
            rpc = _Call(self._metrics, labels)
            rpc.received()
            try:
                response = behavior(request, context)
            except BaseException:
                rpc.finish(context, raised=True)
                raise
            rpc.sent()
            rpc.finish(context, raised=False)
            if observe:  # the update happened even if the client has gone away
                self._metrics.observe_response(labels.grpc_method, request, response)
            return response

        return call

    def _wrap_stream(self, behavior: Callable[[Any, grpc.ServicerContext], Iterator[Any]], labels: _Labels) -> Callable[[Any, grpc.ServicerContext], Iterator[Any]]:
        def call(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
            rpc = _Call(self._metrics, labels)
            rpc.received()
            try:
                for item in behavior(request, context):
                    rpc.sent()
                    yield item
            except BaseException:
                rpc.finish(context, raised=True)
                raise
            rpc.finish(context, raised=False)

        return call

    def _wrap_bidi(
        self, behavior: Callable[[Iterator[Any], grpc.ServicerContext], Iterator[Any]], labels: _Labels
    ) -> Callable[[Iterator[Any], grpc.ServicerContext], Iterator[Any]]:
        def call(requests: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
            rpc = _Call(self._metrics, labels)

            def counted() -> Iterator[Any]:
                for request in requests:
                    rpc.received()
                    yield request

            try:
                for item in behavior(counted(), context):
                    rpc.sent()
                    yield item
            except BaseException:  # a cancelled client surfaces here as an error of the request iterator
                rpc.finish(context, raised=True)
                raise
            rpc.finish(context, raised=False)

        return call


def start_metrics_http_server(metrics: LearnerMetrics, host: str, port: int) -> tuple[WSGIServer, int]:
    """Serves the registry at GET /metrics on its own port (0: any free port); returns the server
    and the bound port."""
    server, _thread = start_http_server(port, addr=host, registry=metrics.registry)
    return server, int(server.server_address[1])


def stop_metrics_http_server(server: WSGIServer) -> None:
    server.shutdown()
    server.server_close()
