"""Optimizer construction and the learning-rate schedule of OptimizerConfig."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn

from swirl.v1 import learner_pb2
from swirl_learner.errors import InvalidArgument

L = learner_pb2


@dataclass(frozen=True)
class Schedule:
    peak: float
    warmup_steps: int
    kind: int
    total_steps: int

    def lr_at(self, step: int) -> float:
        """Learning rate of update number `step` (1-based)."""
        if self.warmup_steps and step <= self.warmup_steps:
            return self.peak * step / self.warmup_steps
        if self.kind in (L.LR_SCHEDULE_LINEAR, L.LR_SCHEDULE_COSINE):
            span = max(self.total_steps - self.warmup_steps, 1)
            progress = min(max(step - self.warmup_steps, 0) / span, 1.0)
            if self.kind == L.LR_SCHEDULE_LINEAR:
                return self.peak * (1.0 - progress)
            return self.peak * 0.5 * (1.0 + math.cos(math.pi * progress))
        return self.peak


def validate_optimizer(cfg: learner_pb2.OptimizerConfig) -> None:
    if not cfg.learning_rate > 0:
        raise InvalidArgument(f"optimizer.learning_rate must be > 0, got {cfg.learning_rate}")
    checks = [
        (cfg.weight_decay >= 0, f"optimizer.weight_decay must be >= 0, got {cfg.weight_decay}"),
        (0 <= cfg.beta1 < 1, f"optimizer.beta1 must be in [0, 1), got {cfg.beta1}"),
        (0 <= cfg.beta2 < 1, f"optimizer.beta2 must be in [0, 1), got {cfg.beta2}"),
        (cfg.epsilon >= 0, f"optimizer.epsilon must be >= 0, got {cfg.epsilon}"),
        (cfg.grad_clip_norm >= 0, f"optimizer.grad_clip_norm must be >= 0, got {cfg.grad_clip_norm}"),
    ]
    for ok, message in checks:
        if not ok:
            raise InvalidArgument(message)
    if cfg.schedule in (L.LR_SCHEDULE_LINEAR, L.LR_SCHEDULE_COSINE) and cfg.total_steps == 0:
        raise InvalidArgument("optimizer.total_steps must be > 0 for LINEAR and COSINE schedules")
    if cfg.kind not in (L.OPTIMIZER_KIND_UNSPECIFIED, L.OPTIMIZER_KIND_ADAMW, L.OPTIMIZER_KIND_SGD):
        raise InvalidArgument(f"optimizer.kind {cfg.kind} is unknown")


def build_optimizer(params: list[nn.Parameter], cfg: learner_pb2.OptimizerConfig) -> torch.optim.Optimizer:
    beta1 = cfg.beta1 or 0.9
    if cfg.kind == L.OPTIMIZER_KIND_SGD:
        return torch.optim.SGD(params, lr=cfg.learning_rate, momentum=beta1, weight_decay=cfg.weight_decay)
    # foreach: one fused kernel per parameter group instead of a Python loop over ~50 tensors.
    return torch.optim.AdamW(
        params,
        lr=cfg.learning_rate,
        betas=(beta1, cfg.beta2 or 0.999),
        eps=cfg.epsilon or 1e-8,
        weight_decay=cfg.weight_decay,
        foreach=True,
    )


def build_schedule(cfg: learner_pb2.OptimizerConfig) -> Schedule:
    return Schedule(cfg.learning_rate, cfg.warmup_steps, cfg.schedule, cfg.total_steps)
