"""A tiny policy that always speaks the SWiRL action grammar, for the coordinator's tests.

A randomly initialised decoder never writes `<math_exp>...</math_exp>`, and training one to do
so takes many minutes on two cores, so the tests would never see a tool call. This builds, in
the learner's real export format (ONNX with KV cache, tokenizer.json, config.json, written and
verified by the learner's own `write_export`), a decoder whose next-token distribution depends
only on the last token: a stochastic finite-state machine over the grammar. The action tags are
single (non-special) added tokens, so every tag is one transition. Sampled with a seed, it makes
tool calls (calculator and search), final answers and the odd malformed turn, in varied
trajectories of several steps - through the real inference service, sampler and stop sequences.

How: one block whose attention output and feed-forward output are zero, so the residual stream
is the token embedding; every token of the grammar gets its own embedding axis (all others share
a "default" axis), and the LM head maps each normalised axis to the log-probabilities of its
successors (solved exactly with a pseudo-inverse).

Usage: PYTHONPATH=apps/learner python build_grammar_policy.py --out DIR
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import torch
from tokenizers import AddedToken

from swirl_learner.chat import CHAT_TEMPLATE
from swirl_learner.config import DecoderConfig, ExportConfig
from swirl_learner.export_dir import write_export
from swirl_learner.model import SwirlDecoder
from swirl_learner.provenance import provenance
from swirl_learner.tokenizer import END, build_tokenizer, special_token_ids

TAGS = ["<math_exp>", "</math_exp>", "<search_query>", "</search_query>", "<answer>", "</answer>"]
MATH_DIGITS = ["1", "2", "3", "4", "5"]
ANSWER_DIGITS = ["6", "7", "8", "9"]
LETTERS = ["a", "b", "c", "d", "e"]


def spread(tokens: list[str], mass: float) -> dict[str, float]:
    return {t: mass / len(tokens) for t in tokens}


# Successor distribution of each grammar token; anything not listed ends the turn (<|end|>).
TRANSITIONS: dict[str, dict[str, float]] = {
    # "\n" ends the generation prompt `<|assistant|>\n`: the choice of action.
    "\n": {"<math_exp>": 0.45, "<search_query>": 0.3, "<answer>": 0.2, "?": 0.05},
    "<math_exp>": spread(MATH_DIGITS, 1.0),
    **{d: {"+": 0.3, "*": 0.25, "</math_exp>": 0.45} for d in MATH_DIGITS},
    "+": spread(MATH_DIGITS, 1.0),
    "*": spread(MATH_DIGITS, 1.0),
    "<search_query>": spread(LETTERS, 1.0),
    **{c: {**spread(LETTERS, 0.6), "</search_query>": 0.4} for c in LETTERS},
    "<answer>": spread(ANSWER_DIGITS, 1.0),
    **{d: {**spread(ANSWER_DIGITS, 0.3), "</answer>": 0.7} for d in ANSWER_DIGITS},
}
IMPOSSIBLE = -30.0


def build(out: Path) -> dict[str, object]:
    tokenizer = build_tokenizer()
    tokenizer.add_tokens([AddedToken(tag, special=False, normalized=False) for tag in TAGS])
    special = special_token_ids(tokenizer)

    def token_id(text: str) -> int:
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        if len(ids) != 1:
            raise ValueError(f"{text!r} is not a single token: {ids}")
        return ids[0]

    states = sorted({token_id(t) for t in TRANSITIONS} | {token_id(t) for succ in TRANSITIONS.values() for t in succ})
    cfg = DecoderConfig(vocab_size=tokenizer.get_vocab_size(), num_layers=1, hidden_size=64, num_heads=2, max_seq_len=8192)
    if len(states) + 1 >= cfg.hidden_size:
        raise ValueError("more grammar states than embedding axes")
    model = SwirlDecoder(cfg).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
        block = model.blocks[0]
        for norm in (block.attn_norm, block.ffn_norm, model.final_norm):
            norm.weight.fill_(1.0)
        # Axis 0: every token outside the grammar; axis k: the k-th grammar state.
        axis = {tid: k + 1 for k, tid in enumerate(states)}
        model.embed.weight[:, 0] = 1.0
        for tid, k in axis.items():
            model.embed.weight[tid, 0] = 0.0
            model.embed.weight[tid, k] = 1.0
        axes = 1 + len(states)
        basis = model.final_norm(torch.eye(cfg.hidden_size)[:axes])  # [axes, hidden]: what the head sees
        targets = torch.full((axes, cfg.vocab_size), IMPOSSIBLE)
        targets[:, special.end_of_turn] = 0.0  # default: end the turn
        for text, successors in TRANSITIONS.items():
            row = targets[axis[token_id(text)]]
            row.fill_(IMPOSSIBLE)
            for succ, p in successors.items():
                row[token_id(succ)] = math.log(p)
        model.lm_head.weight.copy_((torch.linalg.pinv(basis) @ targets).T)
        check = model.lm_head(basis)
        if not torch.allclose(check, targets, atol=1e-3):
            raise ValueError(f"LM head does not reproduce the transition table (max diff {float((check - targets).abs().max()):.3g})")

    config = ExportConfig(cfg, special, CHAT_TEMPLATE, provenance({"kind": "grammar policy fixture (coordinator tests)", "transitions": TRANSITIONS, "end": END}))
    result = write_export(out, model, tokenizer, config.to_json_dict())
    return {"out": str(result.path), "onnx_sha256": result.onnx_sha256, "max_abs_logit_diff": result.max_abs_logit_diff}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.manual_seed(0)
    print(json.dumps(build(Path(args.out))))


if __name__ == "__main__":
    main()
