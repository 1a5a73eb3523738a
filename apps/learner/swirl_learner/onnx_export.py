"""ONNX export of the swirl decoder in the transformers.js KV-cache convention.

Inputs: input_ids, attention_mask (past + current), position_ids, past_key_values.{i}.key/value.
Outputs: logits, present.{i}.key/value. One graph serves prefill (past_len 0) and decoding.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import torch
from torch import Tensor, nn

from swirl_learner.model import CachedDecoder, KeyValue

DEFAULT_OPSET = 17


def input_names(num_layers: int) -> list[str]:
    names = ["input_ids", "attention_mask", "position_ids"]
    for i in range(num_layers):
        names += [f"past_key_values.{i}.key", f"past_key_values.{i}.value"]
    return names


def output_names(num_layers: int) -> list[str]:
    names = ["logits"]
    for i in range(num_layers):
        names += [f"present.{i}.key", f"present.{i}.value"]
    return names


class _FlatSignature(nn.Module):
    """Flattens the cache into positional tensors, as the exporter needs."""

    def __init__(self, model: CachedDecoder) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: Tensor, attention_mask: Tensor, position_ids: Tensor, *past: Tensor) -> tuple[Tensor, ...]:
        cache: list[KeyValue] = [(past[2 * i], past[2 * i + 1]) for i in range(len(past) // 2)]
        logits, presents = self.model(input_ids, attention_mask, position_ids, cache)
        flat: list[Tensor] = [logits]
        for key, value in presents:
            flat += [key, value]
        return tuple(flat)


def _probe_inputs(model: CachedDecoder, batch: int, seq: int, past_len: int) -> tuple[Tensor, ...]:
    cfg = model.cache_layout
    g = torch.Generator().manual_seed(0)
    ids = torch.randint(0, cfg.vocab_size, (batch, seq), generator=g)
    mask = torch.ones(batch, past_len + seq, dtype=torch.long)
    positions = torch.arange(past_len, past_len + seq).unsqueeze(0).expand(batch, seq).contiguous()
    past = [torch.randn(batch, cfg.num_kv_heads, past_len, cfg.head_dim, generator=g) for _ in range(2 * cfg.num_layers)]
    return (ids, mask, positions, *past)


def export_onnx(model: CachedDecoder, path: str | Path, opset: int = DEFAULT_OPSET) -> None:
    """Writes a single-file model.onnx (weights inside) with dynamic batch, seq and past_len."""
    n = model.cache_layout.num_layers
    dynamic_axes: dict[str, dict[int, str]] = {
        "input_ids": {0: "batch", 1: "seq"},
        "attention_mask": {0: "batch", 1: "total_len"},
        "position_ids": {0: "batch", 1: "seq"},
        "logits": {0: "batch", 1: "seq"},
    }
    for i in range(n):
        for kind in ("key", "value"):
            dynamic_axes[f"past_key_values.{i}.{kind}"] = {0: "batch", 2: "past_len"}
            dynamic_axes[f"present.{i}.{kind}"] = {0: "batch", 2: "total_len"}
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad(), warnings.catch_warnings():
            # The TorchScript exporter is deprecated but handles dynamic_axes over a Python-level
            # cache without tracing guards; it works offline and its output matched ORT to ~1e-6.
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _FlatSignature(model),
                _probe_inputs(model, batch=2, seq=3, past_len=2),
                str(path),
                input_names=input_names(n),
                output_names=output_names(n),
                dynamic_axes=dynamic_axes,
                opset_version=opset,
                do_constant_folding=True,
                dynamo=False,
                external_data=False,
            )
    finally:
        model.train(was_training)


class OnnxPolicy:
    """Runs an exported model.onnx with onnxruntime (used for verification and tests)."""

    def __init__(self, path: str | Path, num_layers: int, num_heads: int, head_dim: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.num_layers = num_layers
        self.num_heads = num_heads
        self.head_dim = head_dim

    def empty_cache(self, batch: int) -> list[np.ndarray]:
        return [np.zeros((batch, self.num_heads, 0, self.head_dim), dtype=np.float32) for _ in range(2 * self.num_layers)]

    def run(self, input_ids: np.ndarray, attention_mask: np.ndarray, position_ids: np.ndarray, past: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
        feeds: dict[str, np.ndarray] = {
            "input_ids": input_ids.astype(np.int64),
            "attention_mask": attention_mask.astype(np.int64),
            "position_ids": position_ids.astype(np.int64),
        }
        for name, array in zip(input_names(self.num_layers)[3:], past, strict=True):
            feeds[name] = array
        outputs = self.session.run(None, feeds)
        return outputs[0], list(outputs[1:])
