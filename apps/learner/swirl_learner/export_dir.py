"""Writes an inference-ready directory: model.onnx, tokenizer.json, config.json.

Written into a temporary sibling and renamed into place, so readers never see half an export.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save_file
from tokenizers import Tokenizer

from swirl_learner.backends import WEIGHTS_FILE
from swirl_learner.config import EXPORT_FORMATS, CacheOutputs
from swirl_learner.model import CachedDecoder
from swirl_learner.onnx_export import DEFAULT_OPSET, OnnxPolicy, export_onnx
from swirl_learner.parity import GreedyRun, onnx_max_diff, torch_greedy

PROBE_PROMPTS: tuple[tuple[int, ...], ...] = ((5, 6, 7, 8, 9, 10, 11), (12, 13), (14, 15, 16, 17))
PRODUCER = "swirl-learner"


class VerificationError(RuntimeError):
    pass


@dataclass(frozen=True)
class ExportResult:
    path: Path
    onnx_sha256: str
    max_abs_logit_diff: float
    export_format: str


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def probe_run(model: CachedDecoder, pad_id: int) -> GreedyRun:
    """torch on the verification batch: left-padded, prefill and 2 cached steps."""
    prompts = [[t % model.cache_layout.vocab_size for t in p] for p in PROBE_PROMPTS]
    return torch_greedy(model, prompts, pad_id, steps=2)


def onnx_policy(model: CachedDecoder, onnx_path: Path) -> OnnxPolicy:
    layout = model.cache_layout
    return OnnxPolicy(onnx_path, layout.num_layers, layout.num_kv_heads, layout.head_dim)


def verify_export(model: CachedDecoder, onnx_path: Path, pad_id: int) -> float:
    """Max |logit| difference ORT vs torch on a left-padded batch: prefill and 2 cached steps."""
    return onnx_max_diff(onnx_policy(model, onnx_path), probe_run(model, pad_id))


def _check_replaceable(out_dir: Path) -> None:
    """Only an earlier export (or an empty directory) may be replaced: never delete foreign data."""
    entries = list(out_dir.iterdir()) if out_dir.is_dir() else [out_dir]
    if not entries:
        return
    try:
        is_export = json.loads((out_dir / "config.json").read_text())["provenance"]["producer"] == PRODUCER
    except (OSError, ValueError, KeyError, TypeError):
        is_export = False
    if not is_export:
        raise FileExistsError(f"{out_dir} exists and is not a swirl-learner export; choose an empty or new directory")


def write_export(
    out_dir: Path,
    model: CachedDecoder,
    tokenizer: Tokenizer,
    config_json: dict[str, Any],
    opset: int = DEFAULT_OPSET,
    extra_files: Mapping[str, str | bytes] | None = None,
    max_allowed_diff: float = 1e-3,
    weights: dict[str, torch.Tensor] | None = None,
    cache_outputs: CacheOutputs | None = None,
    more_provenance: Callable[[Path], dict[str, Any]] | None = None,
) -> ExportResult:
    """config_json must carry pad_token_id (padding of the verification batch) and provenance.
    `weights` (the model's state dict) are also written as model.safetensors, which makes the
    directory a weights-only learner checkpoint as well (Init with model.checkpoint_path = this
    directory): the base policy that step-wise RL starts from.
    The graph gets `cache_outputs` (default: the model's own signature) and config.json's
    `export_format` is set to match it. `more_provenance`, if given, sees the verified staged
    model.onnx and returns entries to add to provenance (it may raise VerificationError)."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the export from a service running as another user
    try:
        kind = export_onnx(model, staging / "model.onnx", opset, cache_outputs)
        diff = verify_export(model, staging / "model.onnx", int(config_json["pad_token_id"]))
        if not diff <= max_allowed_diff:
            raise VerificationError(f"ONNX Runtime and PyTorch logits differ by {diff:.3g} (> {max_allowed_diff:g}); export discarded")
        extra_provenance = more_provenance(staging / "model.onnx") if more_provenance is not None else {}
        export_format = EXPORT_FORMATS[kind]
        config_json = {**config_json, "export_format": export_format, "provenance": {**config_json["provenance"], **extra_provenance, "max_abs_logit_diff": diff}}
        tokenizer.save(str(staging / "tokenizer.json"))
        (staging / "config.json").write_text(json.dumps(config_json, indent=2) + "\n")
        for name, content in (extra_files or {}).items():
            if isinstance(content, bytes):
                (staging / name).write_bytes(content)
            else:
                (staging / name).write_text(content)
        if weights is not None:
            save_file({k: v.detach().contiguous() for k, v in weights.items()}, str(staging / WEIGHTS_FILE), metadata={"format": "pt"})
        digest = sha256_file(staging / "model.onnx")
        if out_dir.exists():
            _check_replaceable(out_dir)
            shutil.rmtree(out_dir)
        os.replace(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ExportResult(path=out_dir, onnx_sha256=digest, max_abs_logit_diff=diff, export_format=export_format)
