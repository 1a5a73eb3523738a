"""Policy backends behind one interface: the swirl decoder, or any Hugging Face causal LM.

The session only needs logits for right-padded batches, a parameter set, and a way to write and
read weights + config; everything else (losses, optimizer, contract) is shared.
"""

from __future__ import annotations

import copy
import json
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from torch import Tensor, nn

from swirl.v1 import learner_pb2
from swirl_learner.config import MODEL_TYPE, DecoderConfig, decoder_config_from_json
from swirl_learner.errors import FailedPrecondition, InvalidArgument
from swirl_learner.model import SwirlDecoder

HF_PREFIX = "hf:"
WEIGHTS_FILE = "model.safetensors"


class PolicyBackend(ABC):
    module: nn.Module

    @property
    @abstractmethod
    def kind(self) -> str: ...

    @property
    @abstractmethod
    def vocab_size(self) -> int: ...

    @property
    @abstractmethod
    def max_seq_len(self) -> int: ...

    @abstractmethod
    def architecture(self) -> dict[str, Any]:
        """What must match for weights to be interchangeable."""

    @abstractmethod
    def logits(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        """[B, L, V] for right-padded input (positions 0..n-1 per row)."""

    @abstractmethod
    def save(self, directory: Path, extra_config: dict[str, Any]) -> None:
        """Writes config.json and model.safetensors."""

    def load_weights(self, directory: Path) -> None:
        state = load_file(str(directory / WEIGHTS_FILE))
        missing, unexpected = self.module.load_state_dict(state, strict=False)
        missing = [k for k in missing if not self._tied(k)]
        if missing or unexpected:
            raise FailedPrecondition(f"checkpoint weights do not fit the model: missing {missing[:5]}, unexpected {unexpected[:5]}")

    def _tied(self, name: str) -> bool:
        return False

    def frozen_copy(self) -> "PolicyBackend":
        clone = copy.deepcopy(self)
        clone.module.eval()
        for p in clone.module.parameters():
            p.requires_grad_(False)
        return clone


class SwirlBackend(PolicyBackend):
    def __init__(self, config: DecoderConfig) -> None:
        self.config = config
        self.module: SwirlDecoder = SwirlDecoder(config)

    @property
    def kind(self) -> str:
        return MODEL_TYPE

    @property
    def vocab_size(self) -> int:
        return self.config.vocab_size

    @property
    def max_seq_len(self) -> int:
        return self.config.max_seq_len

    def architecture(self) -> dict[str, Any]:
        arch = self.config.architecture_dict()
        arch.pop("dropout")  # a training setting, not part of the weights' shape
        arch["intermediate_size"] = self.config.ffn_size  # 0 and 4*hidden are the same model
        return {"model_type": MODEL_TYPE, **arch}

    def logits(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.module(input_ids, attention_mask)[0]

    def save(self, directory: Path, extra_config: dict[str, Any]) -> None:
        save_file({k: v.contiguous() for k, v in self.module.state_dict().items()}, str(directory / WEIGHTS_FILE), metadata={"format": "pt"})
        (directory / "config.json").write_text(json.dumps({**extra_config}, indent=2) + "\n")


class HuggingFaceBackend(PolicyBackend):
    def __init__(self, module: nn.Module) -> None:
        self.module = module
        self.hf: Any = module  # transformers' PreTrainedModel API (config, save_pretrained) is untyped here

    @property
    def kind(self) -> str:
        return HF_PREFIX + str(self.hf.config.model_type)

    @property
    def vocab_size(self) -> int:
        return int(self.hf.config.vocab_size)

    @property
    def max_seq_len(self) -> int:
        return int(getattr(self.hf.config, "max_position_embeddings", 0) or 1 << 20)

    def architecture(self) -> dict[str, Any]:
        c = self.hf.config
        keys = ("model_type", "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size")
        return {k: getattr(c, k, None) for k in keys}

    def logits(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.hf(input_ids=input_ids, attention_mask=attention_mask, use_cache=False).logits

    def _tied(self, name: str) -> bool:
        return bool(getattr(self.hf.config, "tie_word_embeddings", False)) and "lm_head" in name

    def save(self, directory: Path, extra_config: dict[str, Any]) -> None:
        # save_pretrained writes config.json + model.safetensors (handling tied weights) in the
        # layout AutoModelForCausalLM.from_pretrained reads back.
        self.hf.save_pretrained(str(directory), safe_serialization=True)


def hf_from_model_config(cfg: learner_pb2.ModelConfig, special: dict[str, int]) -> HuggingFaceBackend:
    from transformers import AutoConfig, AutoModelForCausalLM

    model_type = cfg.architecture[len(HF_PREFIX):]
    kwargs: dict[str, Any] = {
        "vocab_size": cfg.vocab_size,
        "hidden_size": cfg.hidden_size,
        "num_hidden_layers": cfg.num_layers,
        "num_attention_heads": cfg.num_heads,
        "max_position_embeddings": cfg.max_seq_len,
        **special,
    }
    if model_type == "gpt2":
        kwargs.update(n_inner=cfg.intermediate_size or None, resid_pdrop=cfg.dropout, embd_pdrop=cfg.dropout, attn_pdrop=cfg.dropout)
    else:
        kwargs.update(intermediate_size=cfg.intermediate_size or 4 * cfg.hidden_size, attention_dropout=cfg.dropout)
    try:
        hf_config = AutoConfig.for_model(model_type, **kwargs)
    except ValueError as exc:
        raise InvalidArgument(f"architecture {cfg.architecture!r}: unknown Hugging Face model_type ({exc})") from exc
    return HuggingFaceBackend(AutoModelForCausalLM.from_config(hf_config))


def backend_from_model_config(cfg: learner_pb2.ModelConfig, special: dict[str, int]) -> PolicyBackend:
    """Random initialisation (the caller seeds torch first)."""
    missing = [f for f in ("vocab_size", "num_layers", "hidden_size", "num_heads", "max_seq_len") if getattr(cfg, f) == 0]
    if missing:
        raise InvalidArgument(f"model.config is missing {', '.join(missing)} (required, > 0)")
    if cfg.architecture.startswith(HF_PREFIX):
        if cfg.hidden_size % cfg.num_heads:
            raise InvalidArgument(f"hidden_size {cfg.hidden_size} is not divisible by num_heads {cfg.num_heads}")
        return hf_from_model_config(cfg, special)
    if cfg.architecture != MODEL_TYPE:
        raise InvalidArgument(f"architecture {cfg.architecture!r} is not supported; use {MODEL_TYPE!r} or 'hf:<model_type>' (e.g. 'hf:llama', 'hf:gpt2')")
    try:
        decoder = DecoderConfig(
            vocab_size=cfg.vocab_size,
            num_layers=cfg.num_layers,
            hidden_size=cfg.hidden_size,
            num_heads=cfg.num_heads,
            intermediate_size=cfg.intermediate_size,
            max_seq_len=cfg.max_seq_len,
            dropout=cfg.dropout,
        )
    except ValueError as exc:
        raise InvalidArgument(f"model.config: {exc}") from exc
    return SwirlBackend(decoder)


def read_config_json(directory: Path) -> dict[str, Any]:
    data = json.loads((directory / "config.json").read_text())
    if not isinstance(data, dict):
        raise ValueError(f"{directory / 'config.json'} is not a JSON object")
    return data


def backend_from_directory(directory: Path) -> PolicyBackend:
    """A checkpoint written by Save, or any Hugging Face style directory (config.json + safetensors)."""
    config = read_config_json(directory)
    if config.get("model_type") == MODEL_TYPE:
        backend = SwirlBackend(decoder_config_from_json(config))
        backend.load_weights(directory)
        return backend
    from transformers import AutoModelForCausalLM

    return HuggingFaceBackend(AutoModelForCausalLM.from_pretrained(str(directory), local_files_only=True))
