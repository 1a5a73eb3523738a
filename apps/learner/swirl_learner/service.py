"""LearnerService over gRPC: request checks, idempotency, serialisation, error mapping."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent import futures
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import grpc
import torch
from google.protobuf.message import Message

from swirl.v1 import learner_pb2 as L, learner_pb2_grpc
from swirl_learner.checkpoint import load_checkpoint, save_checkpoint
from swirl_learner.errors import FailedPrecondition, InvalidArgument, LearnerError
from swirl_learner.exporter import export_session
from swirl_learner.session import Session

log = logging.getLogger("swirl_learner")
R = TypeVar("R", bound=Message)
REMEMBERED_REQUESTS = 256
MUTATING = frozenset({"TrainStep", "Save", "Load", "Export"})


class _Responses:
    """Responses of recent request_ids, per RPC, for idempotent replays."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[str, str], Message] = OrderedDict()

    def get(self, rpc: str, request_id: str) -> Message | None:
        return self._items.get((rpc, request_id))

    def put(self, rpc: str, request_id: str, response: Message) -> None:
        self._items[(rpc, request_id)] = response
        while len(self._items) > REMEMBERED_REQUESTS:
            self._items.popitem(last=False)


class LearnerService(learner_pb2_grpc.LearnerServiceServicer):
    def __init__(self, checkpoint_root: Path, export_root: Path) -> None:
        self.checkpoint_root = checkpoint_root.resolve()
        self.export_root = export_root.resolve()
        self.session: Session | None = None
        self._lock = threading.Lock()  # calls are serialized (learner.proto)
        self._busy = False
        self._failed: str = ""
        self._responses = _Responses()
        # All torch work runs on ONE thread: calls are serialized anyway, and hopping between gRPC
        # worker threads gives each its own OpenMP team whose idle spinning steals the 2 cores
        # (measured: TrainStep 110 ms -> ~50 ms for 16 x 64 tokens).
        self._torch_thread = futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="learner-torch")

    # ---- plumbing -------------------------------------------------------------------------
    def _run(self, context: grpc.ServicerContext, rpc: str, body: Callable[[], R]) -> R:
        try:
            return self._torch_thread.submit(self._serialized, body).result()
        except LearnerError as exc:
            context.abort(exc.code, str(exc))
        except (torch.OutOfMemoryError, MemoryError) as exc:
            self._mark_failed(rpc, exc)
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, f"{rpc} ran out of memory ({exc}); use a smaller model or batch")
        except Exception as exc:  # a bug: report it instead of hiding it
            log.exception("%s failed", rpc)
            self._mark_failed(rpc, exc)
            context.abort(grpc.StatusCode.INTERNAL, f"{rpc} failed: {type(exc).__name__}: {exc}")
        raise AssertionError("unreachable")  # context.abort raises

    def _serialized(self, body: Callable[[], R]) -> R:
        with self._lock:
            self._busy = True
            try:
                return body()
            finally:
                self._busy = False

    def _mark_failed(self, rpc: str, exc: BaseException) -> None:
        # An unexpected error inside a mutating call may leave weights or optimizer half-updated.
        if rpc in MUTATING and self.session is not None:
            self._failed = f"{rpc} failed: {type(exc).__name__}: {exc}"

    def _session(self) -> Session:
        if self.session is None:
            raise FailedPrecondition("no session: call Init first")
        if self._failed:
            raise FailedPrecondition(f"the session failed ({self._failed}); call Init to start a new one")
        return self.session

    @staticmethod
    def _require_request_id(request_id: str) -> None:
        if not request_id:
            raise InvalidArgument("request_id is required (an idempotency key, e.g. a UUID)")

    # ---- RPCs -----------------------------------------------------------------------------
    def Init(self, request: L.InitRequest, context: grpc.ServicerContext) -> L.InitResponse:
        def body() -> L.InitResponse:
            self._require_request_id(request.request_id)
            previous = self._responses.get("Init", request.request_id)
            if isinstance(previous, L.InitResponse):
                return previous
            if self.session is not None and self.session.run_id != request.run_id and not request.replace_session:
                raise FailedPrecondition(
                    f"a session of run {self.session.run_id!r} exists; set replace_session to replace it with run {request.run_id!r}"
                )
            self.session = None  # a failed Init must not leave the old session half-replaced
            self._failed = ""
            self.session = Session.create(request)
            response = L.InitResponse(status=self.session.status(L.LEARNER_STATE_READY))
            self._responses.put("Init", request.request_id, response)
            log.info("init run=%s params=%d", request.run_id, response.status.parameter_count)
            return response

        return self._run(context, "Init", body)

    def TrainStep(self, request: L.TrainStepRequest, context: grpc.ServicerContext) -> L.TrainStepResponse:
        return self._run(context, "TrainStep", lambda: self._session().train_step(request))

    def Logprobs(self, request: L.LogprobsRequest, context: grpc.ServicerContext) -> L.LogprobsResponse:
        return self._run(context, "Logprobs", lambda: self._session().logprobs(request))

    def Save(self, request: L.SaveRequest, context: grpc.ServicerContext) -> L.SaveResponse:
        def body() -> L.SaveResponse:
            self._require_request_id(request.request_id)
            previous = self._responses.get("Save", request.request_id)
            if isinstance(previous, L.SaveResponse):
                return previous
            session = self._session()
            path = Path(request.path) if request.path else self.checkpoint_root / session.run_id / f"step-{session.step}"
            ref = save_checkpoint(session, path, request.weights_only)
            session.last_checkpoint = ref
            response = L.SaveResponse(checkpoint=ref)
            self._responses.put("Save", request.request_id, response)
            return response

        return self._run(context, "Save", body)

    def Load(self, request: L.LoadRequest, context: grpc.ServicerContext) -> L.LoadResponse:
        def body() -> L.LoadResponse:
            self._require_request_id(request.request_id)
            previous = self._responses.get("Load", request.request_id)
            if isinstance(previous, L.LoadResponse):
                return previous
            session = self._session()
            ref = load_checkpoint(session, request.path, request.weights_only)
            response = L.LoadResponse(checkpoint=ref, step=session.step)
            self._responses.put("Load", request.request_id, response)
            return response

        return self._run(context, "Load", body)

    def Export(self, request: L.ExportRequest, context: grpc.ServicerContext) -> L.ExportResponse:
        def body() -> L.ExportResponse:
            self._require_request_id(request.request_id)
            previous = self._responses.get("Export", request.request_id)
            if isinstance(previous, L.ExportResponse):
                return previous
            session = self._session()
            out = Path(request.output_dir) if request.output_dir else self.export_root / session.run_id / f"step-{session.step}"
            response = export_session(session, out, request)
            self._responses.put("Export", request.request_id, response)
            return response

        return self._run(context, "Export", body)

    def GetStatus(self, request: L.GetStatusRequest, context: grpc.ServicerContext) -> L.GetStatusResponse:
        # Not serialized: it must answer while a long call runs (state BUSY).
        session = self.session
        if session is None:
            return L.GetStatusResponse(status=L.LearnerStatus(state=L.LEARNER_STATE_UNINITIALIZED))
        if self._failed:
            status = session.status(L.LEARNER_STATE_FAILED)
            status.error_message = self._failed
            return L.GetStatusResponse(status=status)
        state = L.LEARNER_STATE_BUSY if self._busy else L.LEARNER_STATE_READY
        return L.GetStatusResponse(status=session.status(state))
