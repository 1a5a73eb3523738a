"""A Hugging Face causal LM behind the CachedDecoder signature, so it exports like the swirl decoder."""

from __future__ import annotations

from typing import Any, ClassVar

from torch import Tensor

from swirl_learner.config import CacheOutputs
from swirl_learner.model import CacheLayout, CachedDecoder, KeyValue


class HfDecoderAdapter(CachedDecoder):
    # transformers' attention concatenates the cache itself, so only the present.* signature
    # (swirl-onnx-kv/1) can be exported from it.
    export_signatures: ClassVar[tuple[CacheOutputs, ...]] = ("present",)

    def __init__(self, model: Any) -> None:
        super().__init__()
        # Eager attention: the traced graph then holds plain MatMul/Softmax ops with our mask.
        model.set_attn_implementation("eager")
        self.model = model
        c = model.config
        heads = int(c.num_attention_heads)
        self._layout = CacheLayout(
            num_layers=int(c.num_hidden_layers),
            num_kv_heads=int(getattr(c, "num_key_value_heads", None) or heads),
            head_dim=int(getattr(c, "head_dim", None) or c.hidden_size // heads),
            vocab_size=int(c.vocab_size),
        )

    @property
    def cache_layout(self) -> CacheLayout:
        return self._layout

    def forward(
        self,
        input_ids: Tensor,
        attention_mask: Tensor | None = None,
        position_ids: Tensor | None = None,
        past_key_values: list[KeyValue] | None = None,
    ) -> tuple[Tensor, list[KeyValue]]:
        from transformers import DynamicCache

        cache = DynamicCache()
        for i, (key, value) in enumerate(past_key_values or []):
            cache.update(key, value, i)
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids, past_key_values=cache, use_cache=True)
        return out.logits, [(layer.keys, layer.values) for layer in out.past_key_values.layers]
