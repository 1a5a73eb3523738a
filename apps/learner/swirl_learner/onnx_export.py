"""ONNX export of a CachedDecoder in one of the two KV-cache signatures (EXPORT_FORMAT.md).

Inputs: input_ids, attention_mask (past + current), position_ids, past_key_values.{i}.key/value.
Outputs: logits, then per layer either present.{i}.key/value (past + current, the transformers.js
convention) or new_key_values.{i}.key/value (current tokens only; the caller appends them).
One graph serves prefill (past_len 0) and decoding.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import torch
from torch import Tensor, nn

from swirl_learner.config import CacheOutputs
from swirl_learner.model import CachedDecoder, KeyValue

DEFAULT_OPSET = 17
CACHE_OUTPUT_PREFIX: dict[CacheOutputs, str] = {"present": "present", "new": "new_key_values"}


def input_names(num_layers: int) -> list[str]:
    names = ["input_ids", "attention_mask", "position_ids"]
    for i in range(num_layers):
        names += [f"past_key_values.{i}.key", f"past_key_values.{i}.value"]
    return names


def cache_output_names(num_layers: int, cache_outputs: CacheOutputs) -> list[str]:
    prefix = CACHE_OUTPUT_PREFIX[cache_outputs]
    return [f"{prefix}.{i}.{kind}" for i in range(num_layers) for kind in ("key", "value")]


def output_names(num_layers: int, cache_outputs: CacheOutputs) -> list[str]:
    return ["logits", *cache_output_names(num_layers, cache_outputs)]


def detect_cache_outputs(names: list[str], num_layers: int) -> CacheOutputs:
    """The signature whose outputs a graph has (by name), e.g. from session.get_outputs()."""
    for kind in ("new", "present"):
        if set(output_names(num_layers, kind)) <= set(names):
            return kind
    raise ValueError(f"graph outputs {names} match neither KV-cache signature for {num_layers} layers")


class _FlatSignature(nn.Module):
    """Flattens the cache into positional tensors, as the exporter needs."""

    def __init__(self, model: CachedDecoder, cache_outputs: CacheOutputs) -> None:
        super().__init__()
        self.model = model
        self.cache_outputs = cache_outputs

    def forward(self, input_ids: Tensor, attention_mask: Tensor, position_ids: Tensor, *past: Tensor) -> tuple[Tensor, ...]:
        cache: list[KeyValue] = [(past[2 * i], past[2 * i + 1]) for i in range(len(past) // 2)]
        if self.cache_outputs == "new":
            logits, kv = self.model.forward_new_kv(input_ids, attention_mask, position_ids, cache)
        else:
            logits, kv = self.model(input_ids, attention_mask, position_ids, cache)
        flat: list[Tensor] = [logits]
        for key, value in kv:
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


def export_onnx(model: CachedDecoder, path: str | Path, opset: int = DEFAULT_OPSET, cache_outputs: CacheOutputs | None = None) -> CacheOutputs:
    """Writes a single-file model.onnx (weights inside) with dynamic batch, seq and past_len, and
    returns its signature: `cache_outputs`, or by default the model's own (export_signatures[0])."""
    kind = cache_outputs or model.export_signatures[0]
    if kind not in model.export_signatures:
        raise ValueError(f"{type(model).__name__} cannot be exported with cache_outputs={kind!r}; it supports {list(model.export_signatures)}")
    n = model.cache_layout.num_layers
    dynamic_axes: dict[str, dict[int, str]] = {
        "input_ids": {0: "batch", 1: "seq"},
        "attention_mask": {0: "batch", 1: "total_len"},
        "position_ids": {0: "batch", 1: "seq"},
        "logits": {0: "batch", 1: "seq"},
    }
    for name in input_names(n)[3:]:
        dynamic_axes[name] = {0: "batch", 2: "past_len"}
    for name in cache_output_names(n, kind):
        # present: past + current (total_len); new_key_values: this call's tokens (seq).
        dynamic_axes[name] = {0: "batch", 2: "total_len" if kind == "present" else "seq"}
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad(), warnings.catch_warnings():
            # The TorchScript exporter is deprecated but handles dynamic_axes over a Python-level
            # cache without tracing guards; it works offline and its output matched ORT to ~1e-6.
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _FlatSignature(model, kind),
                _probe_inputs(model, batch=2, seq=3, past_len=2),
                str(path),
                input_names=input_names(n),
                output_names=output_names(n, kind),
                dynamic_axes=dynamic_axes,
                opset_version=opset,
                do_constant_folding=True,
                dynamo=False,
                external_data=False,
            )
    finally:
        model.train(was_training)
    return kind


class OnnxPolicy:
    """Runs an exported model.onnx of either signature with onnxruntime (verification and tests).

    `run` always hands back the full cache (past + current), so callers need not know the kind.
    """

    def __init__(self, path: str | Path, num_layers: int, num_heads: int, head_dim: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.num_layers = num_layers
        self.num_heads = num_heads
        self.head_dim = head_dim
        self.cache_outputs = detect_cache_outputs([o.name for o in self.session.get_outputs()], num_layers)
        self._output_names = output_names(num_layers, self.cache_outputs)

    def empty_cache(self, batch: int) -> list[np.ndarray]:
        return [np.zeros((batch, self.num_heads, 0, self.head_dim), dtype=np.float32) for _ in range(2 * self.num_layers)]

    def run(self, input_ids: np.ndarray, attention_mask: np.ndarray, position_ids: np.ndarray, past: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Logits and the next call's cache: present.*, or past concatenated with new_key_values.*."""
        logits, cache = self.run_graph(input_ids, attention_mask, position_ids, past)
        if self.cache_outputs == "new":
            cache = [np.concatenate((p, c), axis=2) for p, c in zip(past, cache, strict=True)]
        return logits, cache

    def run_graph(self, input_ids: np.ndarray, attention_mask: np.ndarray, position_ids: np.ndarray, past: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Logits and the graph's own cache outputs (per self.cache_outputs), by layer key, value."""
        feeds: dict[str, np.ndarray] = {
            "input_ids": input_ids.astype(np.int64),
            "attention_mask": attention_mask.astype(np.int64),
            "position_ids": position_ids.astype(np.int64),
        }
        for name, array in zip(input_names(self.num_layers)[3:], past, strict=True):
            feeds[name] = array
        outputs = self.session.run(self._output_names, feeds)
        return outputs[0], list(outputs[1:])
