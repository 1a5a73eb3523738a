"""`reexport`: an old (present.*) swirl export written again in the append signature, same weights,
and back (`cache_outputs="present"`, through the CLI too)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from safetensors.torch import load_file, save_file

from conftest import write_old_export
from swirl_learner.config import decoder_config_from_json
from swirl_learner.export_dir import onnx_policy
from swirl_learner.model import SwirlDecoder
from swirl_learner.parity import max_abs_diff, onnx_logits, torch_greedy
from swirl_learner.reexport import reexport

CARRIED = ("model.safetensors", "tokenizer.json", "training-curve.json")
APP = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def old_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_old_export(tmp_path_factory.mktemp("old") / "base")


def _config(directory: Path) -> dict[str, Any]:
    return json.loads((directory / "config.json").read_text())


def _graph_logits(directory: Path, prompts: list[list[int]]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """torch and ORT logits of a left-padded greedy run with the directory's own weights."""
    model = SwirlDecoder(decoder_config_from_json(_config(directory))).eval()
    model.load_state_dict(load_file(str(directory / "model.safetensors")))
    run = torch_greedy(model, prompts, pad_id=258, steps=3)
    return [c.logits for c in run.calls], onnx_logits(onnx_policy(model, directory / "model.onnx"), run)


def test_reexport_keeps_weights_and_config_and_switches_the_signature(old_export: Path, tmp_path: Path) -> None:
    summary = reexport(old_export, tmp_path / "new")
    new = tmp_path / "new"
    for name in CARRIED:
        assert (new / name).read_bytes() == (old_export / name).read_bytes(), name
    before, after = _config(old_export), _config(new)
    assert before["export_format"] == "swirl-onnx-kv/1" and after["export_format"] == "swirl-onnx-kv-append/1"
    assert list(after) == list(before)
    assert {k for k in before if before[k] != after[k]} == {"export_format", "provenance"}
    prov = after["provenance"]
    assert {k: v for k, v in prov.items() if k not in ("reexport", "max_abs_logit_diff")} == {k: v for k, v in before["provenance"].items() if k != "max_abs_logit_diff"}
    note = prov["reexport"]
    assert note["from_export_format"] == "swirl-onnx-kv/1" and note["created"] and note["max_abs_logit_diff"] <= 1e-4
    assert prov["max_abs_logit_diff"] == summary["max_abs_logit_diff"] <= 1e-4  # ORT vs torch, as every export records
    assert [o.name for o in onnx_policy(SwirlDecoder(decoder_config_from_json(after)), new / "model.onnx").session.get_outputs()][1] == "new_key_values.0.key"

    # Old and new graphs give the same logits on prompts the verification never saw.
    prompts = [[256, 260, 72, 105, 262, 261, 10], [256, 97], [256, 260, 50, 51, 52]]
    torch_old, onnx_old = _graph_logits(old_export, prompts)
    torch_new, onnx_new = _graph_logits(new, prompts)
    assert max_abs_diff(torch_old, torch_new) == 0.0  # the same weights
    assert max_abs_diff(onnx_old, onnx_new) <= 1e-4
    assert max_abs_diff(onnx_new, torch_new) <= 1e-4


def test_reexport_in_place_replaces_only_the_graph_and_config(old_export: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(old_export, copy)
    reexport(copy, copy)
    assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in old_export.iterdir())
    assert [p.name for p in tmp_path.iterdir()] == ["copy"]  # no staging directory left behind
    for name in CARRIED:
        assert (copy / name).read_bytes() == (old_export / name).read_bytes(), name
    assert _config(copy)["export_format"] == "swirl-onnx-kv-append/1"
    reexport(copy, copy)  # again: append -> append, the earlier note kept
    note = _config(copy)["provenance"]["reexport"]
    assert note["from_export_format"] == "swirl-onnx-kv-append/1" and note["previous"]["from_export_format"] == "swirl-onnx-kv/1"


def test_reexport_to_the_present_signature_through_the_cli(old_export: Path, tmp_path: Path) -> None:
    # Append first (the default), then back to present.* with --cache-outputs, as a user would
    # for a runtime that expects the Hugging Face convention.
    append, present = tmp_path / "append", tmp_path / "present"
    reexport(old_export, append)
    done = subprocess.run(
        [sys.executable, "-m", "swirl_learner", "reexport", "--from", str(append), "--out", str(present), "--cache-outputs", "present"],
        cwd=APP, env={**os.environ, "PYTHONPATH": str(APP)}, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["export_format"] == "swirl-onnx-kv/1" and summary["from_export_format"] == "swirl-onnx-kv-append/1"
    assert summary["max_abs_logit_diff_vs_old_graph"] <= 1e-4
    config = _config(present)
    assert config["export_format"] == "swirl-onnx-kv/1" and config["provenance"]["reexport"]["previous"]["from_export_format"] == "swirl-onnx-kv/1"
    outputs = [o.name for o in onnx_policy(SwirlDecoder(decoder_config_from_json(config)), present / "model.onnx").session.get_outputs()]
    assert outputs[1:3] == ["present.0.key", "present.0.value"] and not any(n.startswith("new_key_values") for n in outputs)
    for name in CARRIED:
        assert (present / name).read_bytes() == (old_export / name).read_bytes(), name
    prompts = [[256, 260, 72, 105, 262, 261, 10], [256, 97]]
    _, onnx_append = _graph_logits(append, prompts)
    torch_present, onnx_present = _graph_logits(present, prompts)
    assert max_abs_diff(onnx_append, onnx_present) <= 1e-4
    assert max_abs_diff(onnx_present, torch_present) <= 1e-4


def test_reexport_refuses_other_models_and_foreign_targets(old_export: Path, tmp_path: Path) -> None:
    llama = tmp_path / "llama"
    shutil.copytree(old_export, llama)
    config = _config(llama)
    (llama / "config.json").write_text(json.dumps({**config, "model_type": "llama"}))
    with pytest.raises(ValueError, match="model_type 'llama' cannot be re-exported"):
        reexport(llama, tmp_path / "out")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        reexport(old_export, foreign)
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    bad = tmp_path / "bad"
    shutil.copytree(old_export, bad)
    state = load_file(str(bad / "model.safetensors"))
    state.pop("lm_head.weight")
    save_file({k: v.contiguous() for k, v in state.items()}, str(bad / "model.safetensors"))
    with pytest.raises(ValueError, match="does not fit the architecture"):
        reexport(bad, tmp_path / "out")
    assert not (tmp_path / "out").exists()
