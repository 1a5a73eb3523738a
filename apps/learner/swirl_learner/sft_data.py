"""Supervised (imitation) examples: whole teacher trajectories rendered with the chat template.

One JSONL line per trajectory: `{"family": ..., "messages": [{role, content}, ...]}` (the world's
`renderConversation`: system prompt, user question, then assistant actions alternating with user
observations `QUERY -> RESULT`). Each line becomes one token sequence with a loss mask that is
true exactly on the assistant turns' content and their closing `<|end|>` (the stop token the
policy must learn); role headers, the system prompt, the question and observations carry no loss.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tokenizers import Tokenizer

from swirl_learner.chat import render_chat
from swirl_learner.tokenizer import ASSISTANT, END


@dataclass(frozen=True)
class SftExample:
    family: str
    token_ids: tuple[int, ...]
    # Entry t: train on token t (given tokens < t); the learner.proto alignment.
    loss_mask: tuple[bool, ...]
    # Tokens of `<|bos|><|system|>\n...<|end|>`: a prefix shared by every example of the family.
    system_len: int

    @property
    def loss_tokens(self) -> int:
        return sum(self.loss_mask)


def _encode(tokenizer: Tokenizer, text: str) -> list[int]:
    return list(tokenizer.encode(text, add_special_tokens=False).ids)


def encode_conversation(tokenizer: Tokenizer, messages: Sequence[Mapping[str, str]], family: str = "") -> SftExample:
    """Token ids of the rendered conversation and the assistant-only loss mask."""
    if not messages or messages[0].get("role") != "system":
        raise ValueError("a training conversation starts with the system prompt")
    if not any(m.get("role") == "assistant" for m in messages):
        raise ValueError("a training conversation needs at least one assistant turn")
    ids = _encode(tokenizer, render_chat(messages, add_generation_prompt=False))
    mask = [False] * len(ids)
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        # Start: after `<|assistant|>\n` (the generation prompt); end: after this turn's `<|end|>`.
        start = len(_encode(tokenizer, render_chat(messages[:i], add_generation_prompt=True)))
        end = len(_encode(tokenizer, render_chat(messages[: i + 1], add_generation_prompt=False)))
        for t in range(start, end):
            mask[t] = True
    system_len = len(_encode(tokenizer, render_chat(messages[:1], add_generation_prompt=False)))
    return SftExample(family=family, token_ids=tuple(ids), loss_mask=tuple(mask), system_len=system_len)


def fast_encode_conversation(tokenizer: Tokenizer, messages: Sequence[Mapping[str, str]], family: str = "") -> SftExample:
    """encode_conversation with one template render: the assistant spans are found in the ids
    (after each `<|assistant|>` header and its newline, through the turn's `<|end|>`).
    load_sft_examples checks it against encode_conversation on the file's first example."""
    ids = _encode(tokenizer, render_chat(messages, add_generation_prompt=False))
    assistant, end = tokenizer.token_to_id(ASSISTANT), tokenizer.token_to_id(END)
    newline = _encode(tokenizer, "\n")
    mask = [False] * len(ids)
    inside = False
    for t, token in enumerate(ids):
        if inside:
            mask[t] = True
            inside = token != end
        elif token == assistant:
            inside = True
            if ids[t + 1 : t + 1 + len(newline)] != newline:
                raise ValueError("unexpected chat template: no newline after the assistant header")
    for t, token in enumerate(ids):
        if token == assistant:
            for k in range(len(newline)):
                mask[t + 1 + k] = False
    system_len = ids.index(end) + 1
    return SftExample(family=family, token_ids=tuple(ids), loss_mask=tuple(mask), system_len=system_len)


def conversation_texts(path: Path) -> Iterator[str]:
    """Every message's content in file order: the text a BPE tokenizer learns its merges from."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                for message in json.loads(line)["messages"]:
                    yield str(message["content"])


def load_sft_examples(path: Path, tokenizer: Tokenizer, max_len: int) -> tuple[list[SftExample], int]:
    """The file's examples in file order, and how many were dropped for exceeding max_len tokens."""
    examples: list[SftExample] = []
    dropped = 0
    checked = False
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            try:
                example = fast_encode_conversation(tokenizer, record["messages"], str(record.get("family", "")))
                if not checked:
                    if example != encode_conversation(tokenizer, record["messages"], str(record.get("family", ""))):
                        raise ValueError("the fast assistant-span scan disagrees with the template render")
                    checked = True
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{line_no}: {exc}") from exc
            if len(example.token_ids) > max_len:
                dropped += 1
                continue
            examples.append(example)
    if not examples:
        raise ValueError(f"{path} has no usable training conversations")
    return examples, dropped
