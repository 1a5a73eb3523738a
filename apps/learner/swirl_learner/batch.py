"""Validation of TrainStep sequences and packing into right-padded tensors."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch import Tensor

from swirl.v1 import learner_pb2
from swirl_learner.errors import InvalidArgument

MAX_SEQUENCES = 4096


@dataclass
class PackedBatch:
    """Right-padded [B, L] tensors; per-token arrays follow the contract's alignment (entry t
    scores token t given tokens < t)."""

    input_ids: Tensor  # int64
    attention_mask: Tensor  # int64, 1 on real tokens
    loss_mask: Tensor  # float32, 1 on trained tokens
    advantages: Tensor  # float32
    old_logprobs: Tensor  # float32 (0 where has_old is false)
    has_old: Tensor  # bool [B]
    ref_logprobs: Tensor  # float32 (0 where has_ref is false)
    has_ref: Tensor  # bool [B]
    weights: Tensor  # float32 [B]

    @property
    def size(self) -> int:
        return int(self.input_ids.shape[0])

    def slice(self, start: int, stop: int) -> "PackedBatch":
        """Rows [start, stop), trimmed to their own longest sequence (less padding to compute)."""
        rows = slice(start, stop)
        width = int(self.attention_mask[rows].sum(dim=1).max().item())
        cols = slice(0, width)
        return PackedBatch(
            input_ids=self.input_ids[rows, cols],
            attention_mask=self.attention_mask[rows, cols],
            loss_mask=self.loss_mask[rows, cols],
            advantages=self.advantages[rows, cols],
            old_logprobs=self.old_logprobs[rows, cols],
            has_old=self.has_old[rows],
            ref_logprobs=self.ref_logprobs[rows, cols],
            has_ref=self.has_ref[rows],
            weights=self.weights[rows],
        )

    def to(self, device: torch.device) -> "PackedBatch":
        return PackedBatch(**{name: getattr(self, name).to(device) for name in self.__dataclass_fields__})


def _name(seq: learner_pb2.TrainSequence, index: int) -> str:
    return f"sequence {index}" + (f" ({seq.id!r})" if seq.id else "")


def check_token_ids(ids: Sequence[int], vocab_size: int, what: str) -> None:
    if ids and max(ids) >= vocab_size:
        bad = next(t for t in ids if t >= vocab_size)
        raise InvalidArgument(f"{what}: token id {bad} is outside the vocabulary (vocab_size {vocab_size}); use ids in [0, {vocab_size})")


def validate_sequences(
    sequences: Sequence[learner_pb2.TrainSequence], vocab_size: int, max_seq_len: int, needs_old: bool
) -> None:
    if not sequences:
        raise InvalidArgument("sequences is empty: send 1..4096 sequences")
    if len(sequences) > MAX_SEQUENCES:
        raise InvalidArgument(f"{len(sequences)} sequences: at most {MAX_SEQUENCES} per TrainStep; split the batch")
    for i, seq in enumerate(sequences):
        name = _name(seq, i)
        n = len(seq.token_ids)
        if n < 2:
            raise InvalidArgument(f"{name}: needs at least 2 token_ids (a context and one trained token), got {n}")
        if n > max_seq_len:
            raise InvalidArgument(f"{name}: {n} tokens exceed the model's max_seq_len {max_seq_len}; truncate the state")
        check_token_ids(seq.token_ids, vocab_size, name)
        if len(seq.loss_mask) != n:
            raise InvalidArgument(f"{name}: loss_mask has {len(seq.loss_mask)} entries but token_ids has {n}; send one per token")
        for field in ("token_advantages", "old_logprobs", "ref_logprobs"):
            count = len(getattr(seq, field))
            if count not in (0, n):
                raise InvalidArgument(f"{name}: {field} has {count} entries but token_ids has {n}; send one per token or none")
        if seq.loss_mask[0]:
            raise InvalidArgument(f"{name}: loss_mask[0] is true, but entry 0 has no context; set it false")
        if not any(seq.loss_mask):
            raise InvalidArgument(f"{name}: loss_mask has no true entry; mark the action tokens to train on")
        if needs_old and not seq.old_logprobs:
            raise InvalidArgument(f"{name}: old_logprobs are required when clip_epsilon > 0 (the PPO ratio needs the sampling log-probs)")
        for field in ("token_advantages", "old_logprobs", "ref_logprobs"):
            if not all(map(math.isfinite, getattr(seq, field))):
                raise InvalidArgument(f"{name}: {field} contains NaN or infinity")
        if not math.isfinite(seq.advantage):
            raise InvalidArgument(f"{name}: advantage is NaN or infinite")
        if seq.weight < 0:
            raise InvalidArgument(f"{name}: weight {seq.weight} is negative")


def _rows(values: Sequence[Sequence[float]], width: int, fill: float) -> list[list[float]]:
    return [list(v) + [fill] * (width - len(v)) for v in values]


def pack(sequences: Sequence[learner_pb2.TrainSequence], pad_id: int) -> PackedBatch:
    # One torch.tensor call per field over padded Python lists: ~5x faster than row-wise copies.
    width = max(len(s.token_ids) for s in sequences)
    lengths = [len(s.token_ids) for s in sequences]
    advantages = [list(s.token_advantages) if s.token_advantages else [s.advantage] * n for s, n in zip(sequences, lengths)]
    return PackedBatch(
        input_ids=torch.tensor(_rows([s.token_ids for s in sequences], width, pad_id), dtype=torch.long),
        attention_mask=torch.tensor([[1] * n + [0] * (width - n) for n in lengths], dtype=torch.long),
        loss_mask=torch.tensor(_rows([s.loss_mask for s in sequences], width, False), dtype=torch.float32),
        advantages=torch.tensor(_rows(advantages, width, 0.0), dtype=torch.float32),
        old_logprobs=torch.tensor(_rows([s.old_logprobs or [0.0] * n for s, n in zip(sequences, lengths)], width, 0.0), dtype=torch.float32),
        has_old=torch.tensor([bool(s.old_logprobs) for s in sequences]),
        ref_logprobs=torch.tensor(_rows([s.ref_logprobs or [0.0] * n for s, n in zip(sequences, lengths)], width, 0.0), dtype=torch.float32),
        has_ref=torch.tensor([bool(s.ref_logprobs) for s in sequences]),
        weights=torch.tensor([s.weight if s.weight > 0 else 1.0 for s in sequences], dtype=torch.float32),
    )
