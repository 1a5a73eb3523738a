"""`export-fixture`: a tiny randomly initialised model in the export format, plus reference logits.

reference.json lets the inference service check its tokenizer, chat template, position ids,
padding and KV-cache handling against PyTorch without running Python. The graph has either
signature (`cache_outputs`), so the service can test both; reference.json is the same for both.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import torch

from swirl_learner.chat import CHAT_TEMPLATE, render_chat
from swirl_learner.config import SWIRL_CACHE_OUTPUTS, CacheOutputs, DecoderConfig, ExportConfig
from swirl_learner.export_dir import write_export
from swirl_learner.model import SwirlDecoder
from swirl_learner.parity import torch_greedy
from swirl_learner.provenance import provenance
from swirl_learner.tokenizer import build_tokenizer, special_token_ids

FIXTURE_MESSAGES: list[list[dict[str, str]]] = [
    [
        {"role": "system", "content": "Use <math_exp>EXPR</math_exp> to calculate."},
        {"role": "user", "content": "What is 48 / 2?"},
    ],
    [{"role": "user", "content": "Hi"}],
    [
        {"role": "user", "content": "Who wrote Hamlet? ünïcödé 😀"},
        {"role": "assistant", "content": "<search_query>Hamlet author</search_query>"},
        {"role": "tool", "content": "Hamlet author -> William Shakespeare"},
    ],
]
DECODE_STEPS = 3


def _round(array: np.ndarray) -> Any:
    # float32 has ~7 significant digits; more would only bloat the file.
    return np.vectorize(lambda v: float(f"{v:.7g}"), otypes=[float])(array).tolist() if array.dtype.kind == "f" else array.tolist()


def write_fixture(out_dir: Path, seed: int, cache_outputs: CacheOutputs = SWIRL_CACHE_OUTPUTS) -> dict[str, Any]:
    torch.manual_seed(seed)
    tokenizer = build_tokenizer()
    special = special_token_ids(tokenizer)
    cfg = DecoderConfig(vocab_size=tokenizer.get_vocab_size(), num_layers=2, hidden_size=64, num_heads=4, max_seq_len=512)
    model = SwirlDecoder(cfg).eval()

    prompts = [render_chat(m, add_generation_prompt=True) for m in FIXTURE_MESSAGES]
    prompt_ids = [tokenizer.encode(p, add_special_tokens=False).ids for p in prompts]
    run = torch_greedy(model, prompt_ids, special.pad, steps=DECODE_STEPS)
    reference = {
        "description": "torch logits of a left-padded greedy run: calls[0] is the prefill (past_len 0), "
        "calls[1..] are cached decode steps feeding greedy_token_ids[:, k-1]; each call's cache is "
        "the previous call's cache plus its keys/values: its present.* outputs (swirl-onnx-kv/1), or its "
        "past concatenated with its new_key_values.* along axis 2 (swirl-onnx-kv-append/1).",
        "seed": seed,
        "tolerance": 1e-4,
        "pad_token_id": special.pad,
        "position_ids_rule": "cumsum(attention_mask) - 1 over past+current, 0 at padding",
        "messages": FIXTURE_MESSAGES,
        "add_generation_prompt": True,
        "prompts": prompts,
        "prompt_token_ids": prompt_ids,
        "greedy_token_ids": run.generated,
        "calls": [
            {
                "input_ids": c.input_ids.tolist(),
                "attention_mask": c.attention_mask.tolist(),
                "position_ids": c.position_ids.tolist(),
                "logits": _round(c.logits),
            }
            for c in run.calls
        ],
    }
    config = ExportConfig(cfg, special, CHAT_TEMPLATE, provenance({"kind": "random-init fixture", "seed": seed}))
    result = write_export(out_dir, model, tokenizer, config.to_json_dict(), extra_files={"reference.json": json.dumps(reference) + "\n"}, cache_outputs=cache_outputs)
    return {"out": str(result.path), "onnx_sha256": result.onnx_sha256, "max_abs_logit_diff": result.max_abs_logit_diff, "export_format": result.export_format}
