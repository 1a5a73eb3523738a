"""Writes an inference-ready directory: model.onnx, tokenizer.json, config.json.

Written into a temporary sibling and renamed into place, so readers never see half an export.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save_file
from tokenizers import Tokenizer

from swirl_learner.backends import WEIGHTS_FILE
from swirl_learner.model import CachedDecoder
from swirl_learner.onnx_export import DEFAULT_OPSET, OnnxPolicy, export_onnx
from swirl_learner.parity import onnx_max_diff, torch_greedy

PROBE_PROMPTS: tuple[tuple[int, ...], ...] = ((5, 6, 7, 8, 9, 10, 11), (12, 13), (14, 15, 16, 17))
PRODUCER = "swirl-learner"


class VerificationError(RuntimeError):
    pass


@dataclass(frozen=True)
class ExportResult:
    path: Path
    onnx_sha256: str
    max_abs_logit_diff: float


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_export(model: CachedDecoder, onnx_path: Path, pad_id: int) -> float:
    """Max |logit| difference ORT vs torch on a left-padded batch: prefill and 2 cached steps."""
    layout = model.cache_layout
    prompts = [[t % layout.vocab_size for t in p] for p in PROBE_PROMPTS]
    reference = torch_greedy(model, prompts, pad_id, steps=2)
    return onnx_max_diff(OnnxPolicy(onnx_path, layout.num_layers, layout.num_kv_heads, layout.head_dim), reference)


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
    extra_files: dict[str, str] | None = None,
    max_allowed_diff: float = 1e-3,
    weights: dict[str, torch.Tensor] | None = None,
) -> ExportResult:
    """config_json must carry pad_token_id (padding of the verification batch) and provenance.
    `weights` (the model's state dict) are also written as model.safetensors, which makes the
    directory a weights-only learner checkpoint as well (Init with model.checkpoint_path = this
    directory): the base policy that step-wise RL starts from."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the export from a service running as another user
    try:
        export_onnx(model, staging / "model.onnx", opset)
        diff = verify_export(model, staging / "model.onnx", int(config_json["pad_token_id"]))
        if not diff <= max_allowed_diff:
            raise VerificationError(f"ONNX Runtime and PyTorch logits differ by {diff:.3g} (> {max_allowed_diff:g}); export discarded")
        config_json = {**config_json, "provenance": {**config_json["provenance"], "max_abs_logit_diff": diff}}
        tokenizer.save(str(staging / "tokenizer.json"))
        (staging / "config.json").write_text(json.dumps(config_json, indent=2) + "\n")
        for name, text in (extra_files or {}).items():
            (staging / name).write_text(text)
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
    return ExportResult(path=out_dir, onnx_sha256=digest, max_abs_logit_diff=diff)
