"""Greedy prefill + cached decoding of a left-padded batch, in torch and in onnxruntime.

The same procedure produces reference.json for the inference service and verifies every export.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from swirl_learner.model import CachedDecoder, KeyValue
from swirl_learner.onnx_export import OnnxPolicy


def left_pad(sequences: list[list[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    width = max(len(s) for s in sequences)
    ids = np.full((len(sequences), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(sequences), width), dtype=np.int64)
    for row, seq in enumerate(sequences):
        ids[row, width - len(seq):] = seq
        mask[row, width - len(seq):] = 1
    return ids, mask


def positions_from_mask(mask: np.ndarray) -> np.ndarray:
    """position = number of real tokens before it; padding gets 0 (its value is never seen)."""
    return np.clip(np.cumsum(mask, axis=1) - 1, 0, None).astype(np.int64)


@dataclass
class ForwardCall:
    input_ids: np.ndarray
    attention_mask: np.ndarray
    position_ids: np.ndarray
    logits: np.ndarray


@dataclass
class GreedyRun:
    calls: list[ForwardCall] = field(default_factory=list)
    generated: list[list[int]] = field(default_factory=list)


def torch_greedy(model: CachedDecoder, sequences: list[list[int]], pad_id: int, steps: int) -> GreedyRun:
    """Prefill then `steps` cached decode calls, each feeding the previous arg-max token.

    generated[row][k] is the arg-max after call k (steps + 1 tokens per row).
    """
    model.eval()
    ids, mask = left_pad(sequences, pad_id)
    positions = positions_from_mask(mask)
    run = GreedyRun(generated=[[] for _ in sequences])
    cache: list[KeyValue] | None = None
    with torch.no_grad():
        for _ in range(steps + 1):
            logits, cache = model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(positions), cache)
            run.calls.append(ForwardCall(ids, mask, positions, logits.numpy()))
            next_ids = logits[:, -1].argmax(-1).numpy()
            for row, token in enumerate(next_ids.tolist()):
                run.generated[row].append(int(token))
            ids = next_ids.reshape(-1, 1).astype(np.int64)
            positions = positions[:, -1:] + 1
            mask = np.concatenate([mask, np.ones((mask.shape[0], 1), dtype=np.int64)], axis=1)
    return run


def onnx_logits(policy: OnnxPolicy, reference: GreedyRun) -> list[np.ndarray]:
    """Replays the torch calls' inputs through onnxruntime, feeding ORT's own cache."""
    out: list[np.ndarray] = []
    past = policy.empty_cache(reference.calls[0].input_ids.shape[0])
    for call in reference.calls:
        logits, past = policy.run(call.input_ids, call.attention_mask, call.position_ids, past)
        out.append(logits)
    return out


def max_abs_diff(a: list[np.ndarray], b: list[np.ndarray]) -> float:
    return max(float(np.abs(x - y).max()) for x, y in zip(a, b, strict=True))


def onnx_max_diff(policy: OnnxPolicy, reference: GreedyRun) -> float:
    """Max |logit| difference between onnxruntime's replay of the torch calls and torch."""
    return max_abs_diff(onnx_logits(policy, reference), [c.logits for c in reference.calls])
