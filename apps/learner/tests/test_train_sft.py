"""`train-sft`: assistant-only loss mask, cached-system-turn forward, determinism, export + provenance."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from tokenizers import Tokenizer

from swirl_learner import cli
from swirl_learner.backends import backend_from_directory
from swirl_learner.config import DecoderConfig
from swirl_learner.export_dir import sha256_file
from swirl_learner.losses import token_logprobs
from swirl_learner.model import SwirlDecoder
from swirl_learner.onnx_export import OnnxPolicy
from swirl_learner.sft_data import encode_conversation, fast_encode_conversation, load_sft_examples
from swirl_learner.tokenizer import build_tokenizer
from swirl_learner.train_sft import group_logprobs

SYSTEM = {"multihop": "Search the encyclopedia. <search_query>Q</search_query>", "math": "Use <math_exp>E</math_exp>."}


def conversation(family: str, i: int) -> list[dict[str, str]]:
    if family == "math":
        a, b = 3 + i, 4 + 2 * i
        return [
            {"role": "system", "content": SYSTEM["math"]},
            {"role": "user", "content": f"Question: {a} boxes of {b} apples. How many apples?"},
            {"role": "assistant", "content": f"Multiply. <math_exp>{a} * {b}</math_exp>"},
            {"role": "user", "content": f"{a} * {b} -> {a * b}"},
            {"role": "assistant", "content": f"Done. <answer>{a * b}</answer>"},
        ]
    name = ["Velora", "Kriok", "Tavain", "Lubai"][i % 4]
    return [
        {"role": "system", "content": SYSTEM["multihop"]},
        {"role": "user", "content": f"Question: Where was {name} born?"},
        {"role": "assistant", "content": f"I need {name}. <search_query>{name} birthplace</search_query>"},
        {"role": "user", "content": f"{name} birthplace -> {name}: born in Geatear."},
        {"role": "assistant", "content": "Found it. <answer>Geatear</answer>"},
    ]


@pytest.fixture()
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "sft.jsonl"
    lines = [json.dumps({"family": f, "messages": conversation(f, i)}) for i in range(4) for f in ("multihop", "math")]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_loss_mask_covers_exactly_the_assistant_turns_and_their_end_token() -> None:
    tok = build_tokenizer()
    messages = conversation("multihop", 1)
    example = encode_conversation(tok, messages, "multihop")
    masked = [t for t, m in zip(example.token_ids, example.loss_mask) if m]
    expected = "".join(m["content"] + "<|end|>" for m in messages if m["role"] == "assistant")
    assert tok.decode(masked, skip_special_tokens=False) == expected
    # Runs of masked tokens are exactly the assistant turns, each closed by <|end|>.
    end_id = tok.token_to_id("<|end|>")
    ends = [t for t, (token, m) in enumerate(zip(example.token_ids, example.loss_mask)) if m and token == end_id]
    assert len(ends) == 2 and not example.loss_mask[0]
    assert tok.decode(list(example.token_ids[: example.system_len]), skip_special_tokens=False) == f"<|bos|><|system|>\n{SYSTEM['multihop']}<|end|>"
    assert fast_encode_conversation(tok, messages, "multihop") == example


def test_forward_with_cached_system_turn_equals_the_full_forward() -> None:
    torch.manual_seed(0)
    tok = build_tokenizer()
    model = SwirlDecoder(DecoderConfig(vocab_size=tok.get_vocab_size(), num_layers=2, hidden_size=32, num_heads=2, max_seq_len=512)).eval()
    group = [encode_conversation(tok, conversation("math", i), "math") for i in range(3)]
    logp, _, mask = group_logprobs(model, group, pad_id=258)
    for row, example in enumerate(group):
        ids = torch.tensor([example.token_ids])
        full, _ = token_logprobs(model(ids)[0], ids)
        p, n = example.system_len, len(example.token_ids)
        assert torch.allclose(logp[row, : n - p], full[0, p:], atol=1e-5)
        assert mask[row, : n - p].tolist() == [float(m) for m in example.loss_mask[p:]]
        assert mask[row, n - p :].sum() == 0


def test_loader_drops_too_long_conversations(data_file: Path) -> None:
    examples, dropped = load_sft_examples(data_file, build_tokenizer(), max_len=10_000)
    assert (len(examples), dropped) == (8, 0)
    shortest = min(len(e.token_ids) for e in examples)
    examples, dropped = load_sft_examples(data_file, build_tokenizer(), max_len=shortest)
    assert dropped > 0 and all(len(e.token_ids) <= shortest for e in examples)


def _train(data: Path, out: Path, seed: int, extra: tuple[str, ...] = ()) -> dict[str, object]:
    argv = ["train-sft", "--data", str(data), "--out", str(out), "--seed", str(seed), "--steps", "40", "--batch-size", "4",
            "--lr", "1e-2", "--warmup-steps", "2", "--layers", "2", "--hidden", "32", "--heads", "2", "--max-len", "512", "--log-every", "10"]
    provenance = out.parent / f"prov-{out.name}.json"
    provenance.write_text(json.dumps({"world": {"seed": 7}, "prompt_version": "test/1"}))
    assert cli.main([*argv, *extra, "--provenance", str(provenance)]) == 0
    return dict(json.loads((out / "config.json").read_text())["provenance"])


def test_train_sft_learns_exports_and_is_reproducible(data_file: Path, tmp_path: Path) -> None:
    first = _train(data_file, tmp_path / "a", seed=3)
    assert {p.name for p in (tmp_path / "a").iterdir()} >= {"model.onnx", "tokenizer.json", "config.json", "training-curve.json"}
    assert first["first_step_loss"] > 2.0 and first["final_loss"] < 0.5 * first["first_step_loss"]  # type: ignore[operator]
    assert first["seed"] == 3 and first["world"] == {"seed": 7} and first["prompt_version"] == "test/1"
    training = first["training"]
    assert isinstance(training, dict) and training["steps"] == 40 and training["batch_size"] == 4
    data = first["data"]
    assert isinstance(data, dict) and len(data["sha256"]) == 64 and data["examples"] == 8
    assert first["torch"] == torch.__version__ and first["max_abs_logit_diff"] <= 1e-4  # type: ignore[operator]

    again = _train(data_file, tmp_path / "b", seed=3)
    assert again["final_loss"] == first["final_loss"] and again["last_step_loss"] == first["last_step_loss"]
    assert (tmp_path / "a" / "model.onnx").read_bytes() == (tmp_path / "b" / "model.onnx").read_bytes()


def test_train_sft_with_a_learned_bpe_exports_that_tokenizer(data_file: Path, tmp_path: Path) -> None:
    stamp = _train(data_file, tmp_path / "bpe", seed=3, extra=("--vocab-size", "300"))
    tokenizer = Tokenizer.from_file(str(tmp_path / "bpe" / "tokenizer.json"))
    config = json.loads((tmp_path / "bpe" / "config.json").read_text())
    assert tokenizer.get_vocab_size() == 300 == config["vocab_size"]
    assert stamp["tokenizer"] == "byte-level BPE, 300 ids, merges learned from the training data"
    assert stamp["max_abs_logit_diff"] <= 1e-4  # type: ignore[operator]
    byte_level = len(build_tokenizer().encode("Question: Where was Velora born?", add_special_tokens=False).ids)
    assert len(tokenizer.encode("Question: Where was Velora born?", add_special_tokens=False).ids) < byte_level


def test_the_export_is_also_the_learner_checkpoint_of_the_same_weights(data_file: Path, tmp_path: Path) -> None:
    _train(data_file, tmp_path / "m", seed=5)
    out = tmp_path / "m"
    backend = backend_from_directory(out)
    config = json.loads((out / "config.json").read_text())
    ids = np.array([[256, 260, 10, 72, 105, 262, 261, 10]])
    with torch.no_grad():
        torch_logits = backend.logits(torch.tensor(ids), torch.ones_like(torch.tensor(ids))).numpy()
    policy = OnnxPolicy(out / "model.onnx", config["num_layers"], config["num_heads"], config["head_dim"])
    assert policy.cache_outputs == "new" and config["export_format"] == "swirl-onnx-kv-append/1"
    onnx_logits, _ = policy.run(ids, np.ones_like(ids), np.arange(ids.shape[1])[None, :], policy.empty_cache(1))
    assert float(np.abs(torch_logits - onnx_logits).max()) <= 1e-4


def test_init_from_continues_the_earlier_export_with_its_tokenizer(data_file: Path, tmp_path: Path) -> None:
    first = _train(data_file, tmp_path / "stage1", seed=3, extra=("--vocab-size", "300"))
    second = _train(data_file, tmp_path / "stage2", seed=4, extra=("--vocab-size", "300", "--init-from", str(tmp_path / "stage1")))
    # Continued weights: the first step already sits near the first stage's end, far below a fresh start.
    assert second["first_step_loss"] < 0.5 * first["first_step_loss"]  # type: ignore[operator]
    assert (tmp_path / "stage2" / "tokenizer.json").read_bytes() == (tmp_path / "stage1" / "tokenizer.json").read_bytes()
    init = second["init"]
    assert isinstance(init, dict) and init["path"] == str(tmp_path / "stage1")
    assert init["weights_sha256"] == sha256_file(tmp_path / "stage1" / "model.safetensors")
    assert init["provenance"]["seed"] == 3 and init["provenance"]["final_loss"] == first["final_loss"]
    assert second["tokenizer"] == "kept from --init-from (300 ids)" and second["max_abs_logit_diff"] <= 1e-4  # type: ignore[operator]


def test_init_from_rejects_a_different_architecture_or_a_missing_directory(data_file: Path, tmp_path: Path) -> None:
    _train(data_file, tmp_path / "stage1", seed=3)
    with pytest.raises(ValueError, match=r"architecture .* differs from the settings"):
        _train(data_file, tmp_path / "wide", seed=3, extra=("--init-from", str(tmp_path / "stage1"), "--hidden", "48"))
    with pytest.raises(ValueError, match="model.safetensors is missing"):
        (tmp_path / "empty").mkdir()
        (tmp_path / "empty" / "config.json").write_text("{}")
        (tmp_path / "empty" / "tokenizer.json").write_text("{}")
        _train(data_file, tmp_path / "nothing", seed=3, extra=("--init-from", str(tmp_path / "empty")))
    assert not (tmp_path / "wide").exists() and not (tmp_path / "nothing").exists()
