"""`train-sft`: imitation training of a fresh swirl decoder on rendered trajectories, then export.

Reuses the learner's pieces: SwirlDecoder (model.py), the byte tokenizer and chat template, the
SFT loss and its token-mean normaliser (losses.py), AdamW and the LR schedule (optim.py), and the
verified atomic export (export_dir.py). Deterministic given the seed: the initial weights come
from torch.manual_seed(seed), the data order from a seeded generator, torch runs with a fixed
thread count and deterministic algorithms.

Speed: every conversation of a family starts with the same system turn (`<|bos|><|system|>...`,
hundreds of tokens). Each step computes that turn's keys/values once per family without
gradients and feeds them to the batch as the KV cache, so the quadratic attention runs only over
the rest. The forward is the same function the exported graph computes (the cache path of the
same model); the only difference from training on whole sequences is that no gradient flows
into the constant system turn's own representations.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch

from swirl.v1 import learner_pb2
from swirl_learner.chat import CHAT_TEMPLATE
from swirl_learner.config import DecoderConfig, ExportConfig
from swirl_learner.export_dir import sha256_file, write_export
from swirl_learner.losses import Normaliser, sft_terms, token_logprobs
from swirl_learner.model import KeyValue, SwirlDecoder, count_parameters
from swirl_learner.optim import build_optimizer, build_schedule
from swirl_learner.provenance import provenance
from swirl_learner.sft_init import load_init
from swirl_learner.sft_data import SftExample, conversation_texts, load_sft_examples
from swirl_learner.tokenizer import build_tokenizer, special_token_ids, train_bpe_tokenizer

L = learner_pb2


@dataclass(frozen=True)
class SftSettings:
    steps: int
    batch_size: int = 16
    learning_rate: float = 3e-3
    warmup_steps: int = 50
    weight_decay: float = 0.01
    grad_clip_norm: float = 1.0
    num_layers: int = 4
    hidden_size: int = 128
    num_heads: int = 4
    max_seq_len: int = 4096
    seed: int = 0
    threads: int = 2
    log_every: int = 25
    # 0: the plain byte-level tokenizer; above 263: a byte-level BPE with that many ids, its
    # merges learned from the training conversations (see tokenizer.train_bpe_tokenizer).
    vocab_size: int = 0
    # "": a fresh, seeded initialisation. Otherwise a swirl-decoder model directory (config.json,
    # model.safetensors, tokenizer.json; e.g. an earlier train-sft export) to continue training
    # from: its weights and tokenizer are kept, and its architecture must equal the settings'.
    init_from: str = ""


@dataclass
class SftResult:
    steps: int
    final_loss: float  # mean loss of the last min(50, steps) steps
    last_loss: float
    first_loss: float
    losses: list[float]
    parameters: int
    train_seconds: float
    examples: int
    dropped: int


class EpochSampler:
    """Seeded shuffles of the example indices, one permutation per epoch, consumed in order."""

    def __init__(self, count: int, seed: int) -> None:
        self.count = count
        self.generator = torch.Generator().manual_seed(seed)
        self.order: list[int] = []
        self.epoch = 0

    def take(self, n: int) -> list[int]:
        out: list[int] = []
        while len(out) < n:
            if not self.order:
                self.order = torch.randperm(self.count, generator=self.generator).tolist()
                self.epoch += 1
            out.append(self.order.pop(0))
        return out


def _groups(batch: Sequence[SftExample]) -> list[list[SftExample]]:
    """Examples grouped by their shared system turn (in first-seen order)."""
    groups: dict[tuple[int, ...], list[SftExample]] = {}
    for example in batch:
        groups.setdefault(example.token_ids[: example.system_len], []).append(example)
    return list(groups.values())


def _group_tensors(group: Sequence[SftExample], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """(system ids [1,P], rest ids [B,R] right-padded, rest attention [B,R], rest loss mask [B,R])."""
    p = group[0].system_len
    width = max(len(e.token_ids) - p for e in group)
    ids = torch.full((len(group), width), pad_id, dtype=torch.long)
    attn = torch.zeros((len(group), width), dtype=torch.long)
    mask = torch.zeros((len(group), width), dtype=torch.float32)
    for row, e in enumerate(group):
        n = len(e.token_ids) - p
        ids[row, :n] = torch.tensor(e.token_ids[p:])
        attn[row, :n] = 1
        mask[row, :n] = torch.tensor(e.loss_mask[p:], dtype=torch.float32)
    return torch.tensor([group[0].token_ids[:p]]), ids, attn, mask


def group_logprobs(model: SwirlDecoder, group: Sequence[SftExample], pad_id: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(logp [B,R], entropy [B,R], loss mask [B,R]) of the group's tokens after the system turn."""
    system_ids, ids, attn, mask = _group_tensors(group, pad_id)
    p = system_ids.shape[1]
    with torch.no_grad():
        last_logits, system_cache = model(system_ids)
    b, r = ids.shape
    past: list[KeyValue] = [(k.expand(b, -1, -1, -1), v.expand(b, -1, -1, -1)) for k, v in system_cache]
    attention = torch.cat((torch.ones((b, p), dtype=torch.long), attn), dim=1)
    positions = (torch.arange(r) + p).unsqueeze(0).expand(b, r)
    logits, _ = model(ids, attention, positions, past)
    # token_logprobs scores token t from logits t-1; prepend the system turn's last logits so the
    # first token after it is scored too (it is a role header, never trained, but keeps alignment).
    full = torch.cat((last_logits[:, -1:].expand(b, -1, -1), logits), dim=1)
    first = torch.zeros((b, 1), dtype=torch.long)
    logp, entropy = token_logprobs(full, torch.cat((first, ids), dim=1))
    return logp[:, 1:], entropy[:, 1:], mask


def _tokenizer_note(settings: SftSettings, ids: int) -> str:
    if settings.init_from:
        return f"kept from --init-from ({ids} ids)"
    return "byte-level" if settings.vocab_size == 0 else f"byte-level BPE, {ids} ids, merges learned from the training data"


def train_sft(data: Path, out_dir: Path, settings: SftSettings, extra_provenance: dict[str, Any] | None = None, log: Any = None) -> SftResult:
    threads, deterministic = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    torch.set_num_threads(settings.threads)
    torch.use_deterministic_algorithms(True)
    try:
        return _train(data, out_dir, settings, extra_provenance, log)
    finally:
        torch.set_num_threads(threads)
        torch.use_deterministic_algorithms(deterministic)


def _train(data: Path, out_dir: Path, settings: SftSettings, extra_provenance: dict[str, Any] | None, log: Any) -> SftResult:
    started = time.perf_counter()
    torch.manual_seed(settings.seed)
    if settings.init_from:
        model, tokenizer, init_stamp = load_init(Path(settings.init_from), settings)
        cfg = model.config
    else:
        tokenizer = build_tokenizer() if settings.vocab_size == 0 else train_bpe_tokenizer(conversation_texts(data), settings.vocab_size)
        cfg = DecoderConfig(
            vocab_size=tokenizer.get_vocab_size(), num_layers=settings.num_layers, hidden_size=settings.hidden_size,
            num_heads=settings.num_heads, max_seq_len=settings.max_seq_len,
        )
        model, init_stamp = SwirlDecoder(cfg), None
    special = special_token_ids(tokenizer)
    examples, dropped = load_sft_examples(data, tokenizer, settings.max_seq_len)
    model.train()
    opt_cfg = L.OptimizerConfig(
        learning_rate=settings.learning_rate, weight_decay=settings.weight_decay, grad_clip_norm=settings.grad_clip_norm,
        warmup_steps=settings.warmup_steps, schedule=L.LR_SCHEDULE_COSINE, total_steps=settings.steps,
    )
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = build_optimizer(params, opt_cfg)
    schedule = build_schedule(opt_cfg)
    sampler = EpochSampler(len(examples), settings.seed)
    losses: list[float] = []
    train_started = time.perf_counter()
    for step in range(1, settings.steps + 1):
        batch = [examples[i] for i in sampler.take(settings.batch_size)]
        optimizer.zero_grad(set_to_none=True)
        groups = _groups(batch)
        total_tokens = float(sum(e.loss_tokens for e in batch))
        norm = Normaliser(L.LOSS_AGGREGATION_TOKEN_MEAN, total_tokens, float(len(batch)))
        step_loss = 0.0
        for group in groups:
            logp, entropy, mask = group_logprobs(model, group, special.pad)
            terms = sft_terms(logp, entropy, mask, torch.ones(len(group)), norm)
            terms.loss.backward()  # type: ignore[no-untyped-call]
            step_loss += terms.policy_loss
        if not math.isfinite(step_loss):
            raise RuntimeError(f"non-finite loss at step {step}")
        torch.nn.utils.clip_grad_norm_(params, max_norm=settings.grad_clip_norm if settings.grad_clip_norm > 0 else float("inf"), foreach=True)
        for group_params in optimizer.param_groups:
            group_params["lr"] = schedule.lr_at(step)
        optimizer.step()
        losses.append(step_loss)
        if log is not None and (step % settings.log_every == 0 or step == 1 or step == settings.steps):
            elapsed = time.perf_counter() - train_started
            log(json.dumps({"msg": "train-sft step", "step": step, "loss": round(step_loss, 5), "lr": schedule.lr_at(step),
                            "epoch": sampler.epoch, "elapsed_s": round(elapsed, 1), "s_per_step": round(elapsed / step, 3)}))
    train_seconds = time.perf_counter() - train_started
    tail = losses[-min(50, len(losses)):]
    result = SftResult(
        steps=settings.steps, final_loss=sum(tail) / len(tail), last_loss=losses[-1], first_loss=losses[0], losses=losses,
        parameters=count_parameters(model), train_seconds=train_seconds, examples=len(examples), dropped=dropped,
    )
    stamp = {
        "kind": "imitation (SFT) of the scripted teacher",
        "recipe": "train-sft",
        "seed": settings.seed,
        "data": {"path": str(data), "sha256": sha256_file(data), "examples": len(examples), "dropped_over_max_len": dropped},
        "training": {**asdict(settings), "epochs_started": sampler.epoch, "loss": "token-mean SFT on assistant turns incl. <|end|>",
                     "schedule": "AdamW, linear warmup then cosine to 0", "system_turn": "cached per family, no gradient"},
        "tokenizer": _tokenizer_note(settings, tokenizer.get_vocab_size()),
        **({"init": init_stamp} if init_stamp is not None else {}),
        "parameters": result.parameters,
        "final_loss": round(result.final_loss, 6),
        "final_loss_definition": "mean token loss over the last min(50, steps) steps",
        "last_step_loss": round(result.last_loss, 6),
        "first_step_loss": round(result.first_loss, 6),
        "train_seconds": round(train_seconds, 1),
        "torch": torch.__version__,
        "threads": settings.threads,
        **(extra_provenance or {}),
    }
    curve = {"every": settings.log_every, "loss": [round(x, 5) for x in losses[:: settings.log_every]] + [round(losses[-1], 5)]}
    model.eval()
    config_json = ExportConfig(cfg, special, CHAT_TEMPLATE, provenance(stamp)).to_json_dict()
    # The weights go along, so the directory is also the learner checkpoint RL starts from.
    write_export(out_dir, model, tokenizer, config_json, extra_files={"training-curve.json": json.dumps(curve) + "\n"}, weights=model.state_dict())
    total = time.perf_counter() - started
    config_path = out_dir / "config.json"
    written = json.loads(config_path.read_text())
    written["provenance"]["total_seconds"] = round(total, 1)
    config_path.write_text(json.dumps(written, indent=2) + "\n")
    return result
