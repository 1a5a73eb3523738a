"""The chat template: one Jinja string shared by config.json (inference, TS) and training (Python).

Rendering: `<|bos|>` then per message `<|role|>\\n{content}<|end|>`; with add_generation_prompt a
trailing `<|assistant|>\\n`. A `tool` message renders as a user turn (SWiRL writes tool results
as user turns). Encode the rendered text WITHOUT adding special tokens: the template already
carries `<|bos|>`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from jinja2.sandbox import ImmutableSandboxedEnvironment

CHAT_TEMPLATE = (
    "<|bos|>"
    "{% for message in messages %}"
    "{% set role = 'user' if message['role'] == 'tool' else message['role'] %}"
    "<|{{ role }}|>\n{{ message['content'] }}<|end|>"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)

ROLES = ("system", "user", "assistant", "tool")


def render_chat(messages: Sequence[Mapping[str, str]], add_generation_prompt: bool) -> str:
    for message in messages:
        if message.get("role") not in ROLES:
            raise ValueError(f"unknown chat role {message.get('role')!r}; expected one of {ROLES}")
    # The settings transformers (and @huggingface/jinja) render chat templates with; the template
    # keeps newlines out of reach of trim_blocks so either engine gives the same text.
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.from_string(CHAT_TEMPLATE).render(messages=list(messages), add_generation_prompt=add_generation_prompt)
