"""The byte-level tokenizers (Hugging Face `tokenizers` format) with chat special tokens.

Ids 0..255 are the bytes in GPT-2's byte-to-unicode order and 256..262 the special tokens, so
any text round-trips. `build_tokenizer` stops there (every byte a token: the test fixtures);
`train_bpe_tokenizer` adds merges learned from training text as ids 263 and up, which makes the
embedded policy's sequences about 3x shorter (attention and every per-token cost shrink with
them). Digits always stay single tokens so numbers the model never saw are spelled with the
same ten tokens as the ones it did.
"""

from __future__ import annotations

from pathlib import Path

import json
from collections.abc import Iterable

from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

from swirl_learner.config import SpecialTokenIds

BOS = "<|bos|>"
EOS = "<|eos|>"
PAD = "<|pad|>"
SYSTEM = "<|system|>"
USER = "<|user|>"
ASSISTANT = "<|assistant|>"
END = "<|end|>"
SPECIAL_TOKENS: tuple[str, ...] = (BOS, EOS, PAD, SYSTEM, USER, ASSISTANT, END)


def _byte_alphabet() -> list[str]:
    """The 256 single-character symbols ByteLevel pre-tokenization maps bytes onto, in byte order."""
    return [_BYTE_TO_UNICODE[b] for b in range(256)]


def _bytes_to_unicode() -> dict[int, str]:
    # GPT-2's reversible table: printable bytes map to themselves, the rest to code points >= 256.
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    table: dict[int, str] = {}
    extra = 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


_BYTE_TO_UNICODE = _bytes_to_unicode()


def build_tokenizer() -> Tokenizer:
    vocab = {symbol: i for i, symbol in enumerate(_byte_alphabet())}
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=[], ignore_merges=False))
    # No regex split: with no merges it would not change the tokens, only cost time.
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL_TOKENS])
    return tokenizer


def train_bpe_tokenizer(texts: Iterable[str], vocab_size: int) -> Tokenizer:
    """A byte-level BPE with `vocab_size` ids in all: bytes, then the specials, then merges learned
    from `texts` (deterministic for the same texts in the same order). Words are split GPT-2 style
    and digits one by one before merging, so merges never cross a word or join digits."""
    base = 256 + len(SPECIAL_TOKENS)
    if vocab_size <= base:
        raise ValueError(f"vocab_size must exceed the {base} byte and special tokens")
    splitter = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)]
    )
    learner = Tokenizer(models.BPE())
    learner.pre_tokenizer = splitter
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size - len(SPECIAL_TOKENS), initial_alphabet=_byte_alphabet(), show_progress=False, min_frequency=2
    )
    learner.train_from_iterator(texts, trainer)
    learned = json.loads(learner.to_str())["model"]["merges"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else (m[0], m[1]) for m in learned]
    vocab = {symbol: i for i, symbol in enumerate(_byte_alphabet())}
    vocab.update({token: 256 + i for i, token in enumerate(SPECIAL_TOKENS)})
    for left, right in merges:
        vocab.setdefault(left + right, len(vocab))
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=merges, ignore_merges=False))
    tokenizer.pre_tokenizer = splitter
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL_TOKENS])
    return tokenizer


def special_token_ids(tokenizer: Tokenizer) -> SpecialTokenIds:
    def get(token: str) -> int:
        token_id = tokenizer.token_to_id(token)
        if token_id is None:
            raise ValueError(f"tokenizer has no {token} token")
        return int(token_id)

    return SpecialTokenIds(bos=get(BOS), eos=get(EOS), pad=get(PAD), end_of_turn=get(END))


def load_tokenizer(path: str | Path) -> Tokenizer:
    return Tokenizer.from_file(str(path))
