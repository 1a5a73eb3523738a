"""LearnerService.Export for a session: the current policy as an inference-ready directory."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

from swirl.v1 import common_pb2, learner_pb2
from swirl_learner.backends import HuggingFaceBackend, SwirlBackend
from swirl_learner.chat import CHAT_TEMPLATE
from swirl_learner.config import EXPORT_FORMATS, ExportConfig, SpecialTokenIds
from swirl_learner.errors import FailedPrecondition, Internal, InvalidArgument, Unimplemented
from swirl_learner.export_dir import VerificationError, sha256_file, write_export
from swirl_learner.hf_adapter import HfDecoderAdapter
from swirl_learner.model import CachedDecoder
from swirl_learner.onnx_export import DEFAULT_OPSET
from swirl_learner.provenance import provenance
from swirl_learner.session import Session, duration

MIN_OPSET, MAX_OPSET = 17, 20


def hf_config_json(adapter: HfDecoderAdapter, special: SpecialTokenIds, stamp: dict[str, Any]) -> dict[str, Any]:
    """The swirl export field set for a Hugging Face model (model_type stays the HF one).
    Its graph has present.* outputs: the append signature needs the swirl decoder's split attention."""
    c = adapter.model.config
    layout = adapter.cache_layout
    return {
        "model_type": str(c.model_type),
        "export_format": EXPORT_FORMATS[adapter.export_signatures[0]],
        "num_layers": layout.num_layers,
        "num_heads": int(c.num_attention_heads),
        "num_key_value_heads": layout.num_kv_heads,
        "head_dim": layout.head_dim,
        "hidden_size": int(c.hidden_size),
        "vocab_size": layout.vocab_size,
        "max_position_embeddings": int(c.max_position_embeddings),
        "bos_token_id": special.bos,
        "eos_token_id": special.eos,
        "pad_token_id": special.pad,
        "end_of_turn_token_id": special.end_of_turn,
        "stop_token_ids": [special.eos, special.end_of_turn],
        "chat_template": CHAT_TEMPLATE,
        "provenance": stamp,
    }


def export_session(session: Session, out_dir: Path, req: learner_pb2.ExportRequest) -> learner_pb2.ExportResponse:
    started = time.perf_counter()
    backend = session.backend
    if not out_dir.is_absolute():
        raise InvalidArgument(f"output_dir {str(out_dir)!r} is relative; send an absolute directory")
    opset = req.opset or DEFAULT_OPSET
    if not MIN_OPSET <= opset <= MAX_OPSET:
        raise InvalidArgument(f"opset {opset} is not supported; use {MIN_OPSET}..{MAX_OPSET} (0: {DEFAULT_OPSET})")
    special = session.tokenizer.export_special_ids()
    if special is None:
        raise FailedPrecondition("the session's tokenizer lacks <|bos|>/<|eos|>/<|pad|>/<|end|>, which config.json of an export needs")
    model_ref = common_pb2.ModelRef(name=req.model.name or session.run_id, version=req.model.version or f"step-{session.step}")
    stamp = {"run_id": session.run_id, "step": session.step, "model": {"name": model_ref.name, "version": model_ref.version}}

    if out_dir.exists():
        existing = _existing_export(out_dir)
        if existing is not None and all(existing.get(k) == v for k, v in stamp.items()):
            return learner_pb2.ExportResponse(
                model_path=str(out_dir), model=model_ref, step=session.step,
                onnx_sha256=sha256_file(out_dir / "model.onnx"),
                max_abs_logit_diff=float(existing.get("max_abs_logit_diff", 0.0)),
                elapsed=duration(time.perf_counter() - started),
            )
        if any(out_dir.iterdir()):
            raise FailedPrecondition(f"{out_dir} holds a different export (or other files); choose a new directory")

    model: CachedDecoder
    if isinstance(backend, SwirlBackend):
        model = copy.deepcopy(backend.module).cpu().eval()
        config_json = ExportConfig(backend.config, special, CHAT_TEMPLATE, provenance(stamp)).to_json_dict()
    elif isinstance(backend, HuggingFaceBackend):
        try:
            adapter = HfDecoderAdapter(copy.deepcopy(backend.module).cpu().eval())
        except (AttributeError, ValueError) as exc:
            raise Unimplemented(f"cannot export {backend.kind} with the KV-cache signature: {exc}") from exc
        model = adapter
        config_json = hf_config_json(adapter, special, provenance(stamp))
    else:
        raise Unimplemented(f"Export does not support the {backend.kind} backend")
    try:
        result = write_export(out_dir, model, session.tokenizer.tokenizer, config_json, opset)
    except VerificationError as exc:
        raise Internal(str(exc)) from exc
    return learner_pb2.ExportResponse(
        model_path=str(result.path), model=model_ref, step=session.step, onnx_sha256=result.onnx_sha256,
        max_abs_logit_diff=result.max_abs_logit_diff, elapsed=duration(time.perf_counter() - started),
    )


def _existing_export(out_dir: Path) -> dict[str, Any] | None:
    try:
        config = json.loads((out_dir / "config.json").read_text())
        return dict(config["provenance"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
