"""The trained byte-level BPE: id layout, determinism, round trips, digits, and JS agreement."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from swirl_learner.tokenizer import SPECIAL_TOKENS, build_tokenizer, special_token_ids, train_bpe_tokenizer

REPO = Path(__file__).resolve().parents[3]
SYLLABLES = ["kri", "ok", "egu", "ru", "rid", "rok", "ta", "vain", "lu", "bai", "gea", "sta", "dre", "zear"]


def world_like_texts(seed: int, n: int = 600) -> list[str]:
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    texts = []
    for _ in range(n):
        a, b, year = name(), name(), rng.randint(1800, 2020)
        texts.append(f"{a} Motors founded -> {a} Motors: {b} founded the company {a} Motors in {year}.")
        texts.append(f"I need the founding year of {a} Motors. <search_query>{a} Motors founded</search_query>")
    return texts


@pytest.fixture(scope="module")
def bpe():  # type: ignore[no-untyped-def]
    return train_bpe_tokenizer(world_like_texts(1), 400)


def test_bytes_and_specials_keep_the_byte_tokenizers_ids(bpe) -> None:  # type: ignore[no-untyped-def]
    plain = build_tokenizer()
    assert bpe.get_vocab_size() == 400
    assert special_token_ids(bpe) == special_token_ids(plain)
    for token in SPECIAL_TOKENS:
        assert bpe.token_to_id(token) == plain.token_to_id(token)
    for symbol, token_id in plain.get_vocab().items():
        assert bpe.token_to_id(symbol) == token_id


def test_training_is_deterministic_and_shortens_the_text(bpe) -> None:  # type: ignore[no-untyped-def]
    assert train_bpe_tokenizer(world_like_texts(1), 400).to_str() == bpe.to_str()
    text = world_like_texts(2, 1)[0]
    assert len(bpe.encode(text, add_special_tokens=False).ids) * 2 < len(text.encode())


def test_any_text_round_trips_and_specials_stay_single_tokens(bpe) -> None:  # type: ignore[no-untyped-def]
    text = "<|bos|><|user|>\nZürich, 東京 & naïve café 🚀\tTabs\r\n<|end|><|assistant|>\n<answer>42</answer><|end|>"
    ids = bpe.encode(text, add_special_tokens=False).ids
    assert bpe.decode(ids, skip_special_tokens=False) == text
    assert ids[0] == bpe.token_to_id("<|bos|>") and ids[-1] == bpe.token_to_id("<|end|>")


def test_digits_are_single_tokens_and_merges_stay_inside_words(bpe) -> None:  # type: ignore[no-untyped-def]
    tokens = bpe.encode("founded in 1907 and 2020", add_special_tokens=False).tokens
    assert [t for t in tokens if any(c.isdigit() for c in t)] == list("19072020")
    assert all(" " not in t.replace("Ġ", "", 1) and "Ġ" not in t[1:] for t in tokens)


def test_too_small_a_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="must exceed the 263"):
        train_bpe_tokenizer(["abc"], 263)


def test_javascript_tokenizer_gives_the_same_ids(bpe, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = world_like_texts(3, 100) + ["<|bos|><|system|>\nx<|end|><|user|>\nQuestion: 12 + 3417.5 ?<|end|>", "ünïcödé 東京 🚀", "  spaced\n\nlines  "]
    tokenizer_path, texts_path = tmp_path / "tokenizer.json", tmp_path / "texts.json"
    bpe.save(str(tokenizer_path))
    texts_path.write_text(json.dumps(texts))
    out = subprocess.run(["node", str(Path(__file__).parent / "js_encode.mjs"), str(tokenizer_path), str(texts_path)],
                         capture_output=True, text=True, cwd=REPO, timeout=60, check=True)
    assert json.loads(out.stdout) == [bpe.encode(t, add_special_tokens=False).ids for t in texts]
