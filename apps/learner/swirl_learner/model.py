"""The swirl decoder: a small pre-norm transformer with rotary positions and a KV cache.

One forward serves training (no cache), prefill (empty cache) and cached decoding, so the ONNX
graph exported from it is the same computation the learner trains. `forward_new_kv` is the same
computation for the append export signature: it attends to the cache in place instead of
concatenating it, and returns only this call's keys/values.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from swirl_learner.config import SWIRL_CACHE_OUTPUTS, CacheOutputs, DecoderConfig

KeyValue = tuple[Tensor, Tensor]


@dataclass(frozen=True)
class CacheLayout:
    """Shapes an exported graph exposes: per layer key/value [batch, kv_heads, past, head_dim]."""

    num_layers: int
    num_kv_heads: int
    head_dim: int
    vocab_size: int


class CachedDecoder(nn.Module, ABC):
    """A causal LM with the export signature: (ids, mask over past+current, positions, cache)."""

    @property
    @abstractmethod
    def cache_layout(self) -> CacheLayout: ...

    # Export signatures this model's graph can have, its default first. Any model can return
    # present.*; new_key_values.* needs forward_new_kv.
    export_signatures: ClassVar[tuple[CacheOutputs, ...]] = ("present",)

    def forward_new_kv(self, input_ids: Tensor, attention_mask: Tensor, position_ids: Tensor, past_key_values: list[KeyValue]) -> tuple[Tensor, list[KeyValue]]:
        """Logits and this call's keys/values only (the "new" signature); the past is not copied."""
        raise NotImplementedError(f"{type(self).__name__} can only be exported with present outputs")


def rotary_cos_sin(position_ids: Tensor, head_dim: int, theta: float) -> tuple[Tensor, Tensor]:
    """cos/sin tables [batch, 1, seq, head_dim] for explicit positions (left padding shifts them)."""
    half = head_dim // 2
    inv_freq = 1.0 / (theta ** (torch.arange(0, half, dtype=torch.float32, device=position_ids.device) / half))
    angles = position_ids.to(torch.float32).unsqueeze(-1) * inv_freq  # [b, s, half]
    angles = torch.cat((angles, angles), dim=-1).unsqueeze(1)
    return angles.cos(), angles.sin()


def apply_rotary(x: Tensor, cos: Tensor, sin: Tensor) -> Tensor:
    half = x.shape[-1] // 2
    rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
    return x * cos + rotated * sin


def attention_bias(attention_mask: Tensor, query_len: int) -> Tensor:
    """Additive bias [batch, 1, query_len, key_len]: 0 where a query may look, -inf elsewhere.

    attention_mask covers past + current keys (1 = real token). Query i sits at key index
    past_len + i; it sees keys <= itself that are real. A query always sees itself so that rows of
    padding queries stay finite (NaN there would leak into later layers' cached keys).
    """
    key_len = attention_mask.shape[-1]
    past_len = key_len - query_len
    device = attention_mask.device
    key_idx = torch.arange(key_len, device=device).unsqueeze(0)  # [1, k]
    query_idx = torch.arange(query_len, device=device).unsqueeze(1) + past_len  # [q, 1]
    causal = key_idx <= query_idx  # [q, k]
    real = attention_mask.to(torch.bool).unsqueeze(1)  # [b, 1, k]
    allowed = (causal.unsqueeze(0) & real) | (key_idx == query_idx).unsqueeze(0)
    zero = torch.zeros((), dtype=torch.float32, device=device)
    neg_inf = torch.full((), float("-inf"), dtype=torch.float32, device=device)
    return torch.where(allowed, zero, neg_inf).unsqueeze(1)


@dataclass(frozen=True)
class SplitBias:
    """attention_bias in two parts, so attention can read the cache without concatenating it."""

    past: Tensor  # [batch, 1, 1, past_len]
    new: Tensor  # [batch, 1, seq, seq]


def split_attention_bias(attention_mask: Tensor, query_len: int) -> SplitBias:
    """The same visibility as attention_bias: every past key precedes every query, so only its
    mask matters there; among the current tokens the rule is attention_bias's own."""
    past_len = attention_mask.shape[-1] - query_len
    zero = torch.zeros((), dtype=torch.float32, device=attention_mask.device)
    neg_inf = torch.full((), float("-inf"), dtype=torch.float32, device=attention_mask.device)
    past = torch.where(attention_mask[:, :past_len].to(torch.bool), zero, neg_inf)[:, None, None, :]
    return SplitBias(past=past, new=attention_bias(attention_mask[:, past_len:], query_len))


class SelfAttention(nn.Module):
    def __init__(self, cfg: DecoderConfig) -> None:
        super().__init__()
        self.num_heads = cfg.num_heads
        self.head_dim = cfg.head_dim
        self.qkv = nn.Linear(cfg.hidden_size, 3 * cfg.hidden_size, bias=False)
        self.out = nn.Linear(cfg.hidden_size, cfg.hidden_size, bias=False)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x: Tensor, cos: Tensor, sin: Tensor, bias: Tensor | SplitBias, past: KeyValue | None) -> tuple[Tensor, KeyValue]:
        """With a Tensor bias: attention over concat(past, current), returning that concatenation.
        With a SplitBias (past required): the same attention, returning the current keys/values only."""
        b, s, _ = x.shape
        q, k, v = self.qkv(x).view(b, s, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q = apply_rotary(q, cos, sin)
        k = apply_rotary(k, cos, sin)
        scale = 1.0 / math.sqrt(self.head_dim)
        if isinstance(bias, SplitBias):
            if past is None:
                raise ValueError("split attention needs a cache (zero-length for a prefill)")
            # Only the scores [b, h, s, past + s] are concatenated, never the cache itself.
            past_len = past[0].shape[2]
            past_scores = torch.matmul(q, past[0].transpose(-1, -2)) * scale + bias.past
            new_scores = torch.matmul(q, k.transpose(-1, -2)) * scale + bias.new
            weights = self.dropout(torch.softmax(torch.cat((past_scores, new_scores), dim=-1), dim=-1))
            y = torch.matmul(weights[..., :past_len], past[1]) + torch.matmul(weights[..., past_len:], v)
        else:
            if past is not None:
                k = torch.cat((past[0], k), dim=2)
                v = torch.cat((past[1], v), dim=2)
            weights = self.dropout(torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * scale + bias, dim=-1))
            y = torch.matmul(weights, v)
        return self.out(y.transpose(1, 2).reshape(b, s, self.num_heads * self.head_dim)), (k, v)


class FeedForward(nn.Module):
    def __init__(self, cfg: DecoderConfig) -> None:
        super().__init__()
        self.up = nn.Linear(cfg.hidden_size, cfg.ffn_size)
        self.down = nn.Linear(cfg.ffn_size, cfg.hidden_size)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x: Tensor) -> Tensor:
        return self.dropout(self.down(F.gelu(self.up(x))))


class Block(nn.Module):
    def __init__(self, cfg: DecoderConfig) -> None:
        super().__init__()
        self.attn_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.norm_eps)
        self.attn = SelfAttention(cfg)
        self.ffn_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.norm_eps)
        self.ffn = FeedForward(cfg)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x: Tensor, cos: Tensor, sin: Tensor, bias: Tensor | SplitBias, past: KeyValue | None) -> tuple[Tensor, KeyValue]:
        attended, present = self.attn(self.attn_norm(x), cos, sin, bias, past)
        x = x + self.dropout(attended)
        x = x + self.ffn(self.ffn_norm(x))
        return x, present


class SwirlDecoder(CachedDecoder):
    def __init__(self, cfg: DecoderConfig) -> None:
        super().__init__()
        self.config = cfg
        self.embed = nn.Embedding(cfg.vocab_size, cfg.hidden_size)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.num_layers))
        self.final_norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.norm_eps)
        self.lm_head = nn.Linear(cfg.hidden_size, cfg.vocab_size, bias=False)
        self.apply(self._init_weights)

    @property
    def cache_layout(self) -> CacheLayout:
        c = self.config
        return CacheLayout(num_layers=c.num_layers, num_kv_heads=c.num_heads, head_dim=c.head_dim, vocab_size=c.vocab_size)

    export_signatures: ClassVar[tuple[CacheOutputs, ...]] = (SWIRL_CACHE_OUTPUTS, "present")

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def forward(
        self,
        input_ids: Tensor,
        attention_mask: Tensor | None = None,
        position_ids: Tensor | None = None,
        past_key_values: list[KeyValue] | None = None,
    ) -> tuple[Tensor, list[KeyValue]]:
        """Logits [batch, seq, vocab] and the updated cache (past + current keys/values per layer)."""
        b, s = input_ids.shape
        past_len = 0 if not past_key_values else past_key_values[0][0].shape[2]
        if attention_mask is None:
            attention_mask = torch.ones(b, past_len + s, dtype=torch.long, device=input_ids.device)
        if position_ids is None:
            position_ids = torch.arange(past_len, past_len + s, device=input_ids.device).unsqueeze(0).expand(b, s)
        return self._decode(input_ids, position_ids, attention_bias(attention_mask, s), past_key_values)

    def forward_new_kv(self, input_ids: Tensor, attention_mask: Tensor, position_ids: Tensor, past_key_values: list[KeyValue]) -> tuple[Tensor, list[KeyValue]]:
        """Logits and this call's keys/values [batch, heads, seq, head_dim] per layer; concatenated
        after the past they equal forward's cache. past_key_values may be zero-length (prefill)."""
        return self._decode(input_ids, position_ids, split_attention_bias(attention_mask, input_ids.shape[1]), past_key_values)

    def _decode(self, input_ids: Tensor, position_ids: Tensor, bias: Tensor | SplitBias, past_key_values: list[KeyValue] | None) -> tuple[Tensor, list[KeyValue]]:
        cos, sin = rotary_cos_sin(position_ids, self.config.head_dim, self.config.rope_theta)
        x = self.embed(input_ids)
        cache: list[KeyValue] = []
        for i, block in enumerate(self.blocks):
            x, kv = block(x, cos, sin, bias, past_key_values[i] if past_key_values else None)
            cache.append(kv)
        return self.lm_head(self.final_norm(x)), cache


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
