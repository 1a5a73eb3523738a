"""The swirl decoder: a small pre-norm transformer with rotary positions and a KV cache.

One forward serves training (no cache), prefill (empty cache) and cached decoding, so the ONNX
graph exported from it is the same computation the learner trains.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from swirl_learner.config import DecoderConfig

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


class SelfAttention(nn.Module):
    def __init__(self, cfg: DecoderConfig) -> None:
        super().__init__()
        self.num_heads = cfg.num_heads
        self.head_dim = cfg.head_dim
        self.qkv = nn.Linear(cfg.hidden_size, 3 * cfg.hidden_size, bias=False)
        self.out = nn.Linear(cfg.hidden_size, cfg.hidden_size, bias=False)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x: Tensor, cos: Tensor, sin: Tensor, bias: Tensor, past: KeyValue | None) -> tuple[Tensor, KeyValue]:
        b, s, _ = x.shape
        q, k, v = self.qkv(x).view(b, s, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q = apply_rotary(q, cos, sin)
        k = apply_rotary(k, cos, sin)
        if past is not None:
            k = torch.cat((past[0], k), dim=2)
            v = torch.cat((past[1], v), dim=2)
        scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim)) + bias
        weights = self.dropout(torch.softmax(scores, dim=-1))
        y = torch.matmul(weights, v).transpose(1, 2).reshape(b, s, self.num_heads * self.head_dim)
        return self.out(y), (k, v)


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

    def forward(self, x: Tensor, cos: Tensor, sin: Tensor, bias: Tensor, past: KeyValue | None) -> tuple[Tensor, KeyValue]:
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
        cos, sin = rotary_cos_sin(position_ids, self.config.head_dim, self.config.rope_theta)
        bias = attention_bias(attention_mask, s)
        x = self.embed(input_ids)
        presents: list[KeyValue] = []
        for i, block in enumerate(self.blocks):
            x, present = block(x, cos, sin, bias, past_key_values[i] if past_key_values else None)
            presents.append(present)
        return self.lm_head(self.final_norm(x)), presents


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
