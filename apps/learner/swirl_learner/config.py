"""Architecture of the swirl decoder and its config.json form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

MODEL_TYPE = "swirl-decoder"

# The graph signatures (EXPORT_FORMAT.md); config.json `export_format` names the one a directory
# holds. Both take the same inputs and differ in how the KV cache comes back:
# "present": past + this call's keys/values (the Hugging Face convention; any architecture);
# "new": this call's keys/values only, the caller appends them to a cache buffer it keeps
# (swirl decoder only: it needs attention split into past and new parts).
CacheOutputs = Literal["present", "new"]
CACHE_OUTPUTS: tuple[CacheOutputs, ...] = ("new", "present")
EXPORT_FORMAT_PRESENT = "swirl-onnx-kv/1"
EXPORT_FORMAT_APPEND = "swirl-onnx-kv-append/1"
EXPORT_FORMATS: dict[CacheOutputs, str] = {"present": EXPORT_FORMAT_PRESENT, "new": EXPORT_FORMAT_APPEND}
# What the swirl decoder is exported in unless a caller asks otherwise.
SWIRL_CACHE_OUTPUTS: CacheOutputs = "new"


@dataclass(frozen=True)
class DecoderConfig:
    vocab_size: int
    num_layers: int = 4
    hidden_size: int = 128
    num_heads: int = 4
    intermediate_size: int = 0  # 0: 4 * hidden_size (as in ModelConfig)
    max_seq_len: int = 1024
    dropout: float = 0.0
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5

    def __post_init__(self) -> None:
        problems: list[str] = []
        if self.vocab_size <= 0:
            problems.append("vocab_size must be > 0")
        if self.num_layers <= 0:
            problems.append("num_layers must be > 0")
        if self.num_heads <= 0 or self.hidden_size <= 0:
            problems.append("hidden_size and num_heads must be > 0")
        elif self.hidden_size % self.num_heads != 0:
            problems.append(f"hidden_size {self.hidden_size} is not divisible by num_heads {self.num_heads}")
        elif (self.hidden_size // self.num_heads) % 2 != 0:
            problems.append("head_dim (hidden_size / num_heads) must be even for rotary positions")
        if self.max_seq_len <= 0:
            problems.append("max_seq_len must be > 0")
        if not 0.0 <= self.dropout < 1.0:
            problems.append(f"dropout {self.dropout} must be in [0, 1)")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def head_dim(self) -> int:
        return self.hidden_size // self.num_heads

    @property
    def ffn_size(self) -> int:
        return self.intermediate_size or 4 * self.hidden_size

    def architecture_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SpecialTokenIds:
    bos: int
    eos: int
    pad: int
    end_of_turn: int


@dataclass
class ExportConfig:
    """Everything config.json carries: the architecture plus tokens, template and provenance."""

    decoder: DecoderConfig
    special: SpecialTokenIds
    chat_template: str
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        d = self.decoder
        return {
            "model_type": MODEL_TYPE,
            # write_export sets this to the signature of the graph it actually writes.
            "export_format": EXPORT_FORMATS[SWIRL_CACHE_OUTPUTS],
            "num_layers": d.num_layers,
            "num_heads": d.num_heads,
            "num_key_value_heads": d.num_heads,
            "head_dim": d.head_dim,
            "hidden_size": d.hidden_size,
            "intermediate_size": d.ffn_size,
            "vocab_size": d.vocab_size,
            "max_position_embeddings": d.max_seq_len,
            "rope_theta": d.rope_theta,
            "norm_eps": d.norm_eps,
            "dropout": d.dropout,
            "bos_token_id": self.special.bos,
            "eos_token_id": self.special.eos,
            "pad_token_id": self.special.pad,
            "end_of_turn_token_id": self.special.end_of_turn,
            # Generation stops at any of these: an assistant turn closes with <|end|>.
            "stop_token_ids": [self.special.eos, self.special.end_of_turn],
            "chat_template": self.chat_template,
            "provenance": self.provenance,
        }


def decoder_config_from_json(data: dict[str, Any]) -> DecoderConfig:
    """Reads the architecture back from a config.json written by ExportConfig.to_json_dict."""
    if data.get("model_type") != MODEL_TYPE:
        raise ValueError(f"config.json model_type is {data.get('model_type')!r}, expected {MODEL_TYPE!r}")
    return DecoderConfig(
        vocab_size=int(data["vocab_size"]),
        num_layers=int(data["num_layers"]),
        hidden_size=int(data["hidden_size"]),
        num_heads=int(data["num_heads"]),
        intermediate_size=int(data.get("intermediate_size", 0)),
        max_seq_len=int(data["max_position_embeddings"]),
        dropout=float(data.get("dropout", 0.0)),
        rope_theta=float(data.get("rope_theta", 10000.0)),
        norm_eps=float(data.get("norm_eps", 1e-5)),
    )
