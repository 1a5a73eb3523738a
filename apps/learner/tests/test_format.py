"""The export format: tokenizer, chat template, config.json, ONNX parity with torch."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch
from tokenizers import Tokenizer

from swirl_learner.chat import CHAT_TEMPLATE, render_chat
from swirl_learner.config import DecoderConfig
from swirl_learner.fixture import write_fixture
from swirl_learner.model import SwirlDecoder
from swirl_learner.onnx_export import OnnxPolicy
from swirl_learner.parity import left_pad, onnx_max_diff, positions_from_mask, torch_greedy

REPO = Path(__file__).resolve().parents[3]


# Both graph signatures: new_key_values.* (the swirl default) and present.*.
@pytest.fixture(scope="module", params=["new", "present"])
def fixture_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fixture") / f"tiny-{request.param}"  # the tests read the asked-for kind here
    write_fixture(out, seed=1, cache_outputs=request.param)
    return out


def test_fixture_files_and_config(fixture_dir: Path) -> None:
    assert sorted(p.name for p in fixture_dir.iterdir()) == ["config.json", "model.onnx", "reference.json", "tokenizer.json"]
    config = json.loads((fixture_dir / "config.json").read_text())
    for key in ("num_layers", "num_heads", "head_dim", "hidden_size", "vocab_size", "max_position_embeddings", "bos_token_id", "eos_token_id", "pad_token_id", "provenance"):
        assert key in config, key
    assert config["model_type"] == "swirl-decoder"
    outputs = [o.name for o in OnnxPolicy(fixture_dir / "model.onnx", config["num_layers"], config["num_heads"], config["head_dim"]).session.get_outputs()]
    kind = "new" if "new_key_values.0.key" in outputs else "present"
    assert fixture_dir.name == f"tiny-{kind}", (fixture_dir.name, outputs)  # the graph has the signature asked for
    assert config["export_format"] == {"new": "swirl-onnx-kv-append/1", "present": "swirl-onnx-kv/1"}[kind]
    assert config["chat_template"] == CHAT_TEMPLATE
    assert config["head_dim"] * config["num_heads"] == config["hidden_size"]


def test_tokenizer_round_trips_any_text_and_knows_the_specials(fixture_dir: Path) -> None:
    tok = Tokenizer.from_file(str(fixture_dir / "tokenizer.json"))
    for text in ["", "plain ascii", "ünïcödé — 中文 😀\t\n\r\x00\x7f", "<|user|> literal markers <|end|>", "48 / 2 -> 24"]:
        ids = tok.encode(text, add_special_tokens=False).ids
        assert tok.decode(ids, skip_special_tokens=False) == text
    config = json.loads((fixture_dir / "config.json").read_text())
    assert tok.token_to_id("<|bos|>") == config["bos_token_id"]
    assert tok.token_to_id("<|eos|>") == config["eos_token_id"]
    assert tok.token_to_id("<|pad|>") == config["pad_token_id"]
    for marker in ("<|system|>", "<|user|>", "<|assistant|>", "<|end|>"):
        assert tok.encode(marker, add_special_tokens=False).ids == [tok.token_to_id(marker)]
    assert tok.get_vocab_size() == config["vocab_size"]


def test_chat_template_renders_the_documented_text() -> None:
    messages = [{"role": "system", "content": "S"}, {"role": "user", "content": "Q"}, {"role": "assistant", "content": "A"}, {"role": "tool", "content": "1 -> 1"}]
    assert render_chat(messages, add_generation_prompt=True) == "<|bos|><|system|>\nS<|end|><|user|>\nQ<|end|><|assistant|>\nA<|end|><|user|>\n1 -> 1<|end|><|assistant|>\n"
    assert render_chat(messages[:2], add_generation_prompt=False) == "<|bos|><|system|>\nS<|end|><|user|>\nQ<|end|>"


def test_onnx_matches_torch_on_left_padded_prefill_and_cached_decoding(fixture_dir: Path) -> None:
    reference = json.loads((fixture_dir / "reference.json").read_text())
    config = json.loads((fixture_dir / "config.json").read_text())
    policy = OnnxPolicy(fixture_dir / "model.onnx", config["num_layers"], config["num_heads"], config["head_dim"])
    past = policy.empty_cache(len(reference["prompts"]))
    assert len(reference["calls"]) == 4  # prefill + 3 decode steps
    assert min(map(min, reference["calls"][0]["attention_mask"])) == 0  # the batch really is left-padded
    worst = 0.0
    for call in reference["calls"]:
        logits, past = policy.run(*(np.array(call[k]) for k in ("input_ids", "attention_mask", "position_ids")), past)
        worst = max(worst, float(np.abs(logits - np.array(call["logits"], dtype=np.float32)).max()))
    assert worst <= 1e-4, worst


def test_left_padding_does_not_change_a_rows_logits() -> None:
    torch.manual_seed(0)
    model = SwirlDecoder(DecoderConfig(vocab_size=50, num_layers=2, hidden_size=32, num_heads=4)).eval()
    short, long = [3, 4, 5], [6, 7, 8, 9, 10, 11]
    ids, mask = left_pad([short, long], pad_id=0)
    with torch.no_grad():
        batched, _ = model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(positions_from_mask(mask)))
        alone, _ = model(torch.tensor([short]))
    assert torch.allclose(batched[0, -3:], alone[0], atol=1e-5)
    assert torch.isfinite(batched).all()  # padding rows stay finite


def test_cached_decoding_equals_full_recompute() -> None:
    torch.manual_seed(0)
    model = SwirlDecoder(DecoderConfig(vocab_size=50, num_layers=2, hidden_size=32, num_heads=4)).eval()
    run = torch_greedy(model, [[1, 2, 3], [4, 5, 6, 7, 8]], pad_id=0, steps=3)
    full = [4, 5, 6, 7, 8] + run.generated[1][:3]
    with torch.no_grad():
        logits, _ = model(torch.tensor([full]))
    assert torch.allclose(torch.from_numpy(run.calls[-1].logits[1, -1]), logits[0, -1], atol=1e-5)


def test_export_verification_reports_small_diff(tmp_path: Path) -> None:
    torch.manual_seed(0)
    model = SwirlDecoder(DecoderConfig(vocab_size=300, num_layers=2, hidden_size=32, num_heads=2)).eval()
    from swirl_learner.onnx_export import export_onnx

    export_onnx(model, tmp_path / "m.onnx")
    run = torch_greedy(model, [[1, 2, 3, 4], [5]], pad_id=0, steps=3)
    assert onnx_max_diff(OnnxPolicy(tmp_path / "m.onnx", 2, 2, 16), run) <= 1e-4


@pytest.mark.skipif(shutil.which("node") is None or not (REPO / "node_modules/@huggingface/tokenizers").is_dir(), reason="node or @huggingface/tokenizers missing: JS format check skipped")
def test_javascript_tokenizer_and_jinja_agree(fixture_dir: Path) -> None:
    out = subprocess.run(["node", str(Path(__file__).parent / "js_format_check.mjs"), str(fixture_dir)], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert "JS OK" in out.stdout, out.stdout + out.stderr


@pytest.mark.skipif(shutil.which("node") is None or not (REPO / "node_modules/onnxruntime-node").is_dir(), reason="node or onnxruntime-node missing: JS parity check skipped")
def test_onnxruntime_node_matches_reference(fixture_dir: Path) -> None:
    out = subprocess.run(["node", str(Path(__file__).parent / "ort_node_check.cjs"), str(fixture_dir)], capture_output=True, text=True, cwd=REPO, timeout=60)
    diff = float(out.stdout.strip().split()[-1])
    assert diff <= 1e-4, out.stdout + out.stderr
    config = json.loads((fixture_dir / "config.json").read_text())
    assert ("new_key_values" in out.stdout) == (config["export_format"] == "swirl-onnx-kv-append/1"), out.stdout
