"""Tokenizer loading for a session and the special ids the learner needs from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tokenizers import Tokenizer

from swirl_learner.config import SpecialTokenIds
from swirl_learner.errors import InvalidArgument, NotFound
from swirl_learner.tokenizer import BOS, END, EOS, PAD


@dataclass(frozen=True)
class SessionTokenizer:
    tokenizer: Tokenizer
    source: Path

    @property
    def vocab_size(self) -> int:
        return int(self.tokenizer.get_vocab_size())

    def id_of(self, token: str) -> int | None:
        token_id = self.tokenizer.token_to_id(token)
        return None if token_id is None else int(token_id)

    @property
    def pad_id(self) -> int:
        # Padding is always masked out; any valid id works when the tokenizer has no pad token.
        return self.id_of(PAD) or 0

    @property
    def bos_id(self) -> int | None:
        return self.id_of(BOS)

    def hf_special_ids(self) -> dict[str, int]:
        ids = {"bos_token_id": self.id_of(BOS), "eos_token_id": self.id_of(EOS), "pad_token_id": self.id_of(PAD)}
        return {k: v for k, v in ids.items() if v is not None}

    def export_special_ids(self) -> SpecialTokenIds | None:
        ids = [self.id_of(t) for t in (BOS, EOS, PAD, END)]
        if any(i is None for i in ids):
            return None
        bos, eos, pad, end = ids
        assert bos is not None and eos is not None and pad is not None and end is not None
        return SpecialTokenIds(bos=bos, eos=eos, pad=pad, end_of_turn=end)


def load_session_tokenizer(path: Path) -> SessionTokenizer:
    if not path.is_absolute():
        raise InvalidArgument(f"tokenizer path {str(path)!r} is relative; send an absolute path on the learner's file system")
    if not path.is_file():
        raise NotFound(f"tokenizer {path} does not exist")
    try:
        return SessionTokenizer(Tokenizer.from_file(str(path)), path)
    except Exception as exc:  # the tokenizers library raises plain Exceptions on bad JSON
        raise InvalidArgument(f"tokenizer {path} is not a Hugging Face tokenizer.json: {exc}") from exc
