"""One training session: policy, optimizer, schedule, optional frozen reference, step counter."""

from __future__ import annotations

import contextlib
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import torch
from google.protobuf.duration_pb2 import Duration

from swirl.v1 import common_pb2, learner_pb2
from swirl_learner.backends import PolicyBackend, backend_from_directory, backend_from_model_config
from swirl_learner.batch import PackedBatch, check_token_ids, pack, validate_sequences
from swirl_learner.errors import FailedPrecondition, Internal, InvalidArgument, NotFound, ResourceExhausted, Unimplemented
from swirl_learner.losses import LossTerms, Normaliser, policy_gradient_terms, sft_terms, token_logprobs
from swirl_learner.optim import Schedule, build_optimizer, build_schedule, validate_optimizer
from swirl_learner.tokens import SessionTokenizer, load_session_tokenizer

L = learner_pb2
REPLAY_WINDOW = 16
MAX_LOGPROB_ITEMS = 1024
LOGPROB_CHUNK = 32


def duration(seconds: float) -> Duration:
    d = Duration()
    d.FromNanoseconds(int(seconds * 1e9))
    return d


def resolve_device(name: str) -> torch.device:
    if not name:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(name)
    except RuntimeError as exc:
        raise InvalidArgument(f"device {name!r} is not a torch device: {exc}") from exc
    if device.type == "cuda" and not torch.cuda.is_available():
        raise InvalidArgument(f"device {name!r} requested but CUDA is not available; use 'cpu' or leave it empty")
    return device


@dataclass
class Session:
    run_id: str
    backend: PolicyBackend
    tokenizer: SessionTokenizer
    optimizer: torch.optim.Optimizer
    schedule: Schedule
    device: torch.device
    precision: int
    seed: int
    optimizer_clip: float = 0.0
    reference: PolicyBackend | None = None
    step: int = 0
    history: OrderedDict[int, learner_pb2.TrainStepResponse] = field(default_factory=OrderedDict)
    last_checkpoint: common_pb2.CheckpointRef | None = None

    # ---- construction -------------------------------------------------------------------
    @staticmethod
    def create(req: learner_pb2.InitRequest) -> "Session":
        if not req.run_id:
            raise InvalidArgument("run_id is required (the trainer's run id, stamped on checkpoints)")
        if "/" in req.run_id or "\\" in req.run_id or req.run_id in (".", ".."):
            # run_id names the default checkpoint/export directories; it must not escape them.
            raise InvalidArgument(f"run_id {req.run_id!r} must not contain path separators or be '.'/'..'")
        if not req.HasField("optimizer"):
            raise InvalidArgument("optimizer is required (at least optimizer.learning_rate > 0)")
        validate_optimizer(req.optimizer)
        if req.precision == L.PRECISION_FP16:
            raise Unimplemented("precision FP16 is not supported by this learner; use FP32 or BF16")
        source = req.model.WhichOneof("source") if req.HasField("model") else None
        if source is None:
            raise InvalidArgument("model is required: set model.config (random init) or model.checkpoint_path")
        device = resolve_device(req.device)
        seed = req.seed if req.HasField("seed") else 0
        torch.manual_seed(seed)

        checkpoint_dir: Path | None = None
        if source == "config":
            if not req.tokenizer_path:
                raise InvalidArgument("tokenizer_path is required when the model comes from model.config")
            tokenizer = load_session_tokenizer(Path(req.tokenizer_path))
            if req.model.config.vocab_size != tokenizer.vocab_size:
                raise InvalidArgument(
                    f"model.config.vocab_size {req.model.config.vocab_size} does not match the tokenizer's {tokenizer.vocab_size} tokens"
                )
            backend = backend_from_model_config(req.model.config, tokenizer.hf_special_ids())
        else:
            checkpoint_dir = checkpoint_directory(req.model.checkpoint_path)
            tokenizer = load_session_tokenizer(Path(req.tokenizer_path) if req.tokenizer_path else checkpoint_dir / "tokenizer.json")
            backend = backend_from_directory(checkpoint_dir)
            if backend.vocab_size < tokenizer.vocab_size:
                raise FailedPrecondition(f"checkpoint vocab_size {backend.vocab_size} is smaller than the tokenizer's {tokenizer.vocab_size} tokens")
        backend.module.to(device)

        reference: PolicyBackend | None = None
        ref_source = req.reference.WhichOneof("source") if req.HasField("reference") else None
        if ref_source == "initial_weights" and req.reference.initial_weights:
            reference = backend.frozen_copy()
        elif ref_source == "checkpoint_path":
            reference = backend_from_directory(checkpoint_directory(req.reference.checkpoint_path)).frozen_copy()
            if reference.vocab_size != backend.vocab_size:
                raise FailedPrecondition(f"reference vocab_size {reference.vocab_size} differs from the policy's {backend.vocab_size}")
            reference.module.to(device)

        params = [p for p in backend.module.parameters() if p.requires_grad]
        session = Session(
            run_id=req.run_id,
            backend=backend,
            tokenizer=tokenizer,
            optimizer=build_optimizer(params, req.optimizer),
            schedule=build_schedule(req.optimizer),
            device=device,
            precision=req.precision,
            seed=seed,
            optimizer_clip=req.optimizer.grad_clip_norm,
            reference=reference,
        )
        if checkpoint_dir is not None:
            from swirl_learner.checkpoint import restore_training_state

            restore_training_state(session, checkpoint_dir, weights_only=False, optional=True)
        return session

    # ---- helpers --------------------------------------------------------------------------
    def autocast(self) -> contextlib.AbstractContextManager[None]:
        if self.precision == L.PRECISION_BF16:
            return torch.autocast(device_type=self.device.type, dtype=torch.bfloat16)
        return contextlib.nullcontext()

    def status(self, state: int) -> learner_pb2.LearnerStatus:
        from swirl_learner.provenance import framework_version

        status = L.LearnerStatus(
            state=state,
            run_id=self.run_id,
            step=self.step,
            parameter_count=sum(p.numel() for p in self.backend.module.parameters() if p.requires_grad),
            device=str(self.device),
            world_size=1,
            has_reference=self.reference is not None,
            framework_version=framework_version(),
        )
        if self.last_checkpoint is not None:
            status.last_checkpoint.CopyFrom(self.last_checkpoint)
        return status

    # ---- TrainStep --------------------------------------------------------------------------
    def train_step(self, req: learner_pb2.TrainStepRequest) -> learner_pb2.TrainStepResponse:
        if req.step in self.history:
            replay = L.TrainStepResponse()
            replay.CopyFrom(self.history[req.step])
            replay.replayed = True
            return replay
        if req.step != self.step + 1:
            raise FailedPrecondition(
                f"step {req.step} is out of order: the session is at step {self.step}, so the next update is step {self.step + 1}"
                + (" (replays are kept for the last 16 steps only)" if req.step <= self.step else "")
            )
        if req.loss not in (L.LOSS_KIND_SFT, L.LOSS_KIND_POLICY_GRADIENT):
            raise InvalidArgument("loss is UNSPECIFIED: set LOSS_KIND_SFT or LOSS_KIND_POLICY_GRADIENT")
        pg = req.policy_gradient
        policy_gradient = req.loss == L.LOSS_KIND_POLICY_GRADIENT
        if policy_gradient and (pg.clip_epsilon < 0 or pg.kl_coef < 0):
            raise InvalidArgument("policy_gradient.clip_epsilon and kl_coef must be >= 0")
        validate_sequences(req.sequences, self.backend.vocab_size, self.backend.max_seq_len, needs_old=policy_gradient and pg.clip_epsilon > 0)
        if policy_gradient and pg.kl_coef > 0 and self.reference is None and not all(s.ref_logprobs for s in req.sequences):
            raise InvalidArgument("kl_coef > 0 needs a reference: Init with a reference model or send ref_logprobs for every sequence")
        if req.HasField("learning_rate") and not req.learning_rate > 0:
            raise InvalidArgument(f"learning_rate override must be > 0, got {req.learning_rate}")

        started = time.perf_counter()
        batch = pack(req.sequences, self.tokenizer.pad_id)
        try:
            totals = self._accumulate_gradients(batch, req)
        except (torch.OutOfMemoryError, MemoryError) as exc:
            self.optimizer.zero_grad(set_to_none=True)
            raise ResourceExhausted(f"the batch does not fit in memory ({exc}); lower micro_batch_size") from exc
        if not torch.isfinite(totals.loss).item():
            self.optimizer.zero_grad(set_to_none=True)
            raise Internal(f"non-finite loss ({totals.loss.item()}); the update was skipped and the step not advanced")
        params = [p for group in self.optimizer.param_groups for p in group["params"]]
        clip = self.optimizer_clip
        grad_norm = torch.nn.utils.clip_grad_norm_(params, max_norm=clip if clip > 0 else float("inf"), foreach=True)
        if not torch.isfinite(grad_norm).item():
            self.optimizer.zero_grad(set_to_none=True)
            raise Internal("non-finite gradient norm; the update was skipped and the step not advanced")
        lr = req.learning_rate if req.HasField("learning_rate") else self.schedule.lr_at(req.step)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        self.step = req.step

        tokens = float(batch.loss_mask.sum())
        response = L.TrainStepResponse(
            step=self.step,
            loss=float(totals.loss),
            policy_loss=totals.policy_loss,
            kl=totals.kl_sum / tokens,
            grad_norm=float(grad_norm),
            clip_fraction=totals.clipped / tokens,
            entropy=totals.entropy_sum / tokens,
            mean_ratio=totals.ratio_sum / tokens,
            loss_tokens=int(tokens),
            sequences=batch.size,
            learning_rate=lr,
            elapsed=duration(time.perf_counter() - started),
        )
        self.history[self.step] = response
        while len(self.history) > REPLAY_WINDOW:
            self.history.popitem(last=False)
        return response

    def _accumulate_gradients(self, batch: PackedBatch, req: learner_pb2.TrainStepRequest) -> LossTerms:
        module = self.backend.module
        module.train()
        self.optimizer.zero_grad(set_to_none=True)
        norm = Normaliser.of(batch.loss_mask, batch.weights, req.aggregation)
        micro = req.micro_batch_size or batch.size
        totals = LossTerms(loss=torch.zeros(()), policy_loss=0.0, kl_sum=0.0, entropy_sum=0.0, ratio_sum=0.0, clipped=0.0)
        for start in range(0, batch.size, micro):
            part = batch.slice(start, min(start + micro, batch.size)).to(self.device)
            with self.autocast():
                logits = self.backend.logits(part.input_ids, part.attention_mask)
            logp, entropy = token_logprobs(logits, part.input_ids)
            if req.loss == L.LOSS_KIND_SFT:
                terms = sft_terms(logp, entropy, part.loss_mask, part.weights, norm)
            else:
                terms = policy_gradient_terms(
                    logp, entropy, part.loss_mask, part.weights, part.advantages, part.old_logprobs, part.has_old,
                    self._reference_logprobs(part), req.policy_gradient, norm,
                )
            terms.loss.backward()  # type: ignore[no-untyped-call]
            totals.loss = totals.loss + terms.loss.detach().float().cpu()
            totals.policy_loss += terms.policy_loss
            totals.kl_sum += terms.kl_sum
            totals.entropy_sum += terms.entropy_sum
            totals.ratio_sum += terms.ratio_sum
            totals.clipped += terms.clipped
        return totals

    def _reference_logprobs(self, part: PackedBatch) -> torch.Tensor | None:
        """Caller-sent ref_logprobs where given, else the reference model's; None if neither."""
        if self.reference is None:
            return part.ref_logprobs if bool(part.has_ref.all()) else None
        with torch.no_grad(), self.autocast():
            ref_logits = self.reference.logits(part.input_ids, part.attention_mask)
        computed, _ = token_logprobs(ref_logits, part.input_ids)
        return torch.where(part.has_ref.unsqueeze(1), part.ref_logprobs, computed)

    # ---- Logprobs ---------------------------------------------------------------------------
    def logprobs(self, req: learner_pb2.LogprobsRequest) -> learner_pb2.LogprobsResponse:
        if not req.items:
            raise InvalidArgument("items is empty: send 1..1024 token continuations")
        if len(req.items) > MAX_LOGPROB_ITEMS:
            raise InvalidArgument(f"{len(req.items)} items: at most {MAX_LOGPROB_ITEMS} per call")
        if req.model == L.LOGPROBS_MODEL_REFERENCE:
            if self.reference is None:
                raise FailedPrecondition("REFERENCE log-probs requested but the session has no reference model; Init with `reference`")
            backend = self.reference
        else:
            backend = self.backend
        sequences: list[tuple[list[int], int]] = []  # (all ids, continuation start)
        for i, item in enumerate(req.items):
            if not item.continuation_token_ids:
                raise InvalidArgument(f"item {i}: continuation_token_ids is empty; send at least one token to score")
            prefix = list(item.prefix_token_ids)
            if not prefix:
                bos = self.tokenizer.bos_id
                if bos is None:
                    raise InvalidArgument(f"item {i}: prefix_token_ids is empty and the tokenizer has no <|bos|> to prepend")
                prefix = [bos]
            ids = prefix + list(item.continuation_token_ids)
            check_token_ids(ids, backend.vocab_size, f"item {i}")
            if len(ids) > backend.max_seq_len:
                raise InvalidArgument(f"item {i}: {len(ids)} tokens exceed the model's max_seq_len {backend.max_seq_len}")
            sequences.append((ids, len(prefix)))

        response = L.LogprobsResponse(step=self.step)
        with eval_mode(backend), torch.no_grad():
            for start in range(0, len(sequences), LOGPROB_CHUNK):
                chunk = sequences[start:start + LOGPROB_CHUNK]
                width = max(len(ids) for ids, _ in chunk)
                input_ids = torch.full((len(chunk), width), self.tokenizer.pad_id, dtype=torch.long)
                mask = torch.zeros((len(chunk), width), dtype=torch.long)
                for row, (ids, _) in enumerate(chunk):
                    input_ids[row, : len(ids)] = torch.tensor(ids)
                    mask[row, : len(ids)] = 1
                with self.autocast():
                    logits = backend.logits(input_ids.to(self.device), mask.to(self.device))
                logp, _ = token_logprobs(logits, input_ids.to(self.device))
                logp = logp.double().cpu()
                for row, (ids, cont_start) in enumerate(chunk):
                    values = logp[row, cont_start: len(ids)]
                    response.results.add(logprobs=values.tolist(), sum_logprob=float(values.sum()))
        return response


def checkpoint_directory(path: str) -> Path:
    directory = Path(path)
    if not directory.is_absolute():
        raise InvalidArgument(f"checkpoint path {path!r} is relative; send an absolute path on the learner's file system")
    if not (directory / "config.json").is_file():
        raise NotFound(f"no checkpoint at {path}: config.json is missing")
    return directory


@contextlib.contextmanager
def eval_mode(backend: PolicyBackend) -> Iterator[None]:
    was_training = backend.module.training
    backend.module.eval()
    try:
        yield
    finally:
        backend.module.train(was_training)
