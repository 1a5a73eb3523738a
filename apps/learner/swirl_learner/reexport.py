"""`reexport`: an existing swirl-decoder export directory, written again with the same weights in
the current default graph signature, or in the one asked for (`present`: the Hugging Face /
transformers.js convention, for runtimes that expect `present.*`; `new`: swirl's append one).

model.safetensors and every other file are carried over byte for byte, config.json keeps all its
fields (export_format becomes the new graph's), and provenance gains a `reexport` note. The old
graph, if present, is compared with the new one on the verification batch. Everything is read
into memory before write_export stages the new directory, so --out may equal --from.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from safetensors.torch import load_file

from swirl_learner.backends import WEIGHTS_FILE, read_config_json
from swirl_learner.config import MODEL_TYPE, CacheOutputs, decoder_config_from_json
from swirl_learner.export_dir import VerificationError, onnx_policy, probe_run, sha256_file, write_export
from swirl_learner.model import SwirlDecoder
from swirl_learner.onnx_export import DEFAULT_OPSET
from swirl_learner.parity import max_abs_diff, onnx_logits
from swirl_learner.provenance import framework_version
from swirl_learner.tokenizer import load_tokenizer

CONFIG_FILE, TOKENIZER_FILE, ONNX_FILE = "config.json", "tokenizer.json", "model.onnx"
MAX_GRAPH_DIFF = 1e-3  # the same bound write_export puts on ORT vs torch


def reexport(source: Path, out_dir: Path, opset: int = 0, cache_outputs: CacheOutputs | None = None) -> dict[str, Any]:
    """Writes the re-export (opset 0: DEFAULT_OPSET; cache_outputs None: the swirl decoder's
    default signature) and returns the summary the CLI prints."""
    source = source.resolve()
    for name in (CONFIG_FILE, WEIGHTS_FILE, TOKENIZER_FILE):
        if not (source / name).is_file():
            raise ValueError(f"{source}: {name} is missing (expected a learner export with weights)")
    config = read_config_json(source)
    if config.get("model_type") != MODEL_TYPE:
        raise ValueError(f"{source}: model_type {config.get('model_type')!r} cannot be re-exported; only {MODEL_TYPE!r} is supported")
    if not isinstance(config.get("provenance"), dict):
        raise ValueError(f"{source}: config.json has no provenance object")
    others = [p for p in source.iterdir() if p.name not in (CONFIG_FILE, TOKENIZER_FILE, ONNX_FILE)]
    if any(not p.is_file() for p in others):
        raise ValueError(f"{source}: holds subdirectories or special files ({[p.name for p in others if not p.is_file()]}); only plain files are carried over")

    try:
        model = SwirlDecoder(decoder_config_from_json(config)).eval()
        pad_id = int(config["pad_token_id"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{source}: config.json is not a complete swirl-decoder config ({exc!r})") from exc
    try:
        model.load_state_dict(load_file(str(source / WEIGHTS_FILE)), strict=True)
    except RuntimeError as exc:
        raise ValueError(f"{source}: {WEIGHTS_FILE} does not fit the architecture in config.json: {exc}") from exc
    tokenizer = load_tokenizer(source / TOKENIZER_FILE)
    carried = {p.name: p.read_bytes() for p in others}  # includes the weights: identical bytes

    reference = probe_run(model, pad_id)
    old_onnx = source / ONNX_FILE
    old_logits = onnx_logits(onnx_policy(model, old_onnx), reference) if old_onnx.is_file() else None
    note: dict[str, Any] = {
        "from_export_format": config.get("export_format"),
        "from_onnx_sha256": sha256_file(old_onnx) if old_onnx.is_file() else None,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "framework": framework_version(),
    }
    if "reexport" in config["provenance"]:
        note["previous"] = config["provenance"]["reexport"]  # keep the chain of re-exports

    def compare_graphs(new_onnx: Path) -> dict[str, Any]:
        # Old graph vs new graph on the same inputs: the re-export changed the signature only.
        if old_logits is not None:
            diff = max_abs_diff(onnx_logits(onnx_policy(model, new_onnx), reference), old_logits)
            if not diff <= MAX_GRAPH_DIFF:
                raise VerificationError(f"the new graph's logits differ from the old graph's by {diff:.3g} (> {MAX_GRAPH_DIFF:g}); re-export discarded")
            note["max_abs_logit_diff"] = diff
        return {"reexport": note}

    result = write_export(out_dir, model, tokenizer, config, opset or DEFAULT_OPSET, extra_files=carried, cache_outputs=cache_outputs, more_provenance=compare_graphs)
    return {
        "out": str(result.path), "from": str(source), "onnx_sha256": result.onnx_sha256,
        "export_format": result.export_format, "from_export_format": note["from_export_format"],
        "max_abs_logit_diff": result.max_abs_logit_diff, "max_abs_logit_diff_vs_old_graph": note.get("max_abs_logit_diff"),
    }
