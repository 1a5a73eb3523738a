"""The byte-level tokenizer (Hugging Face `tokenizers` format) with chat special tokens.

Every byte is a token (a byte-level BPE with no merges), so any text round-trips; ids 0..255 are
the bytes in GPT-2's byte-to-unicode order, the special tokens follow.
"""

from __future__ import annotations

from pathlib import Path

from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

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


def special_token_ids(tokenizer: Tokenizer) -> SpecialTokenIds:
    def get(token: str) -> int:
        token_id = tokenizer.token_to_id(token)
        if token_id is None:
            raise ValueError(f"tokenizer has no {token} token")
        return int(token_id)

    return SpecialTokenIds(bos=get(BOS), eos=get(EOS), pad=get(PAD), end_of_turn=get(END))


def load_tokenizer(path: str | Path) -> Tokenizer:
    return Tokenizer.from_file(str(path))
