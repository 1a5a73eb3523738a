"""The append signature (swirl-onnx-kv-append/1): new_key_values.* outputs, the caller keeps the cache.

Real torch and onnxruntime: parity with torch, a cache buffer with free (garbage) slots, the
absence of any whole-cache copy in the graph, and agreement with the present.* signature.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
import torch

from swirl_learner.config import DecoderConfig
from swirl_learner.model import SwirlDecoder
from swirl_learner.onnx_export import OnnxPolicy, export_onnx, input_names
from swirl_learner.parity import left_pad, onnx_logits, onnx_max_diff, positions_from_mask, torch_greedy

LAYERS, HEADS, HEAD_DIM = 2, 2, 16
TOLERANCE = 1e-4  # reference.json's
PROMPTS = [[5, 6, 7, 8, 9, 10], [11, 12], [13, 14, 15, 16]]  # left-padded as a batch


@pytest.fixture(scope="module")
def model() -> SwirlDecoder:
    torch.manual_seed(0)
    return SwirlDecoder(DecoderConfig(vocab_size=300, num_layers=LAYERS, hidden_size=HEADS * HEAD_DIM, num_heads=HEADS)).eval()


@pytest.fixture(scope="module")
def graphs(model: SwirlDecoder, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("graphs")
    paths = {"default": root / "default.onnx", "present": root / "present.onnx"}
    assert export_onnx(model, paths["default"]) == "new"  # the swirl decoder's default
    assert export_onnx(model, paths["present"], cache_outputs="present") == "present"
    return paths


def policy(path: Path) -> OnnxPolicy:
    return OnnxPolicy(path, LAYERS, HEADS, HEAD_DIM)


def test_outputs_are_logits_and_new_key_values_only(graphs: dict[str, Path]) -> None:
    session = policy(graphs["default"]).session
    assert [i.name for i in session.get_inputs()] == input_names(LAYERS)
    assert [o.name for o in session.get_outputs()] == ["logits"] + [f"new_key_values.{i}.{k}" for i in range(LAYERS) for k in ("key", "value")]
    assert policy(graphs["present"]).cache_outputs == "present"


def test_torch_split_attention_equals_the_concatenating_forward(model: SwirlDecoder) -> None:
    ids, mask = left_pad([[1, 2, 3, 4, 5], [6, 7]], pad_id=0)
    mask[1, 4] = 0  # padding inside the past too
    positions = torch.from_numpy(positions_from_mask(mask))
    ids_t, mask_t = torch.from_numpy(ids), torch.from_numpy(mask)
    with torch.no_grad():
        _, past = model(ids_t[:, :3], mask_t[:, :3], positions[:, :3])
        full, present = model(ids_t[:, 3:], mask_t, positions[:, 3:], past)
        split, new = model.forward_new_kv(ids_t[:, 3:], mask_t, positions[:, 3:], past)
    assert torch.allclose(split, full, atol=1e-6)
    # Later layers' keys differ by float rounding only (attention summed in another order).
    for (pk, pv), (nk, nv), (k, v) in zip(past, new, present, strict=True):
        assert nk.shape[2] == 2 and torch.allclose(torch.cat((pk, nk), 2), k, atol=1e-6) and torch.allclose(torch.cat((pv, nv), 2), v, atol=1e-6)


def test_onnx_matches_torch_on_left_padded_prefill_and_cached_decoding(model: SwirlDecoder, graphs: dict[str, Path]) -> None:
    run = torch_greedy(model, PROMPTS, pad_id=0, steps=4)
    assert run.calls[0].attention_mask.min() == 0  # really left-padded
    assert onnx_max_diff(policy(graphs["default"]), run) <= TOLERANCE


def test_prefill_new_key_values_equal_the_present_signature(graphs: dict[str, Path]) -> None:
    ids, mask = left_pad(PROMPTS, pad_id=0)
    new, present = policy(graphs["default"]), policy(graphs["present"])
    logits_new, kv_new = new.run_graph(ids, mask, positions_from_mask(mask), new.empty_cache(len(PROMPTS)))
    logits_present, kv_present = present.run_graph(ids, mask, positions_from_mask(mask), present.empty_cache(len(PROMPTS)))
    assert np.abs(logits_new - logits_present).max() <= 1e-5
    for a, b in zip(kv_new, kv_present, strict=True):
        assert a.shape == b.shape == (len(PROMPTS), HEADS, ids.shape[1], HEAD_DIM)
        assert np.abs(a - b).max() <= 1e-5


def test_a_buffer_with_free_garbage_slots_gives_the_tight_cache_logits(model: SwirlDecoder, graphs: dict[str, Path]) -> None:
    """How the inference service drives the graph: a fixed-capacity buffer fed whole, mask 0 on
    free slots (and on left padding), each call's new_key_values written at the next free column."""
    steps, spare = 4, 3
    run = torch_greedy(model, PROMPTS, pad_id=0, steps=steps)
    tight = onnx_logits(policy(graphs["default"]), run)  # past = exactly the tokens so far
    graph = policy(graphs["default"])
    batch, width = run.calls[0].input_ids.shape
    capacity = width + steps + spare
    rng = np.random.default_rng(0)
    # Large finite garbage everywhere that is not written: masked slots must not matter.
    buffers = [rng.normal(scale=50.0, size=(batch, HEADS, capacity, HEAD_DIM)).astype(np.float32) for _ in range(2 * LAYERS)]
    garbage = [b.copy() for b in buffers]
    filled = np.zeros((batch, capacity), dtype=np.int64)
    worst_torch = worst_tight = 0.0
    used = 0
    for k, call in enumerate(run.calls):
        seq = call.input_ids.shape[1]
        if k == 0:  # prefill: an empty past
            logits, new = graph.run_graph(call.input_ids, call.attention_mask, call.position_ids, graph.empty_cache(batch))
            written = call.attention_mask
        else:
            mask = np.concatenate((filled, np.ones((batch, seq), dtype=np.int64)), axis=1)
            logits, new = graph.run_graph(call.input_ids, mask, call.position_ids, buffers)
            written = np.ones((batch, seq), dtype=np.int64)
        worst_torch = max(worst_torch, float(np.abs(logits - call.logits).max()))
        worst_tight = max(worst_tight, float(np.abs(logits - tight[k]).max()))
        pad = (written == 0)[:, None, :, None]  # left-padding columns keep garbage too
        for buffer, noise, fresh in zip(buffers, garbage, new, strict=True):
            buffer[:, :, used:used + seq] = np.where(pad, noise[:, :, used:used + seq], fresh)
        filled[:, used:used + seq] = written
        used += seq
    assert used < capacity  # free slots were present at the end of the past throughout
    assert worst_torch <= TOLERANCE, worst_torch
    assert worst_tight <= 1e-5, worst_tight


def _concat_output_shapes(path: Path, feeds: dict[str, np.ndarray]) -> list[tuple[int, ...]]:
    """Runs the graph with every Concat's output exposed and returns their shapes."""
    graph = onnx.load(str(path))
    inferred = onnx.shape_inference.infer_shapes(graph).graph
    types = {v.name: v.type.tensor_type.elem_type for v in [*inferred.value_info, *inferred.input, *inferred.output]}
    names = [n.output[0] for n in graph.graph.node if n.op_type == "Concat"]
    graph.graph.output.extend(onnx.helper.make_tensor_value_info(n, types[n], None) for n in names)
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(graph.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return [tuple(o.shape) for o in session.run(names, feeds)]


def test_the_graph_never_copies_the_cache(graphs: dict[str, Path]) -> None:
    batch, past_len = 2, 37
    rng = np.random.default_rng(1)
    feeds: dict[str, np.ndarray] = {
        "input_ids": np.array([[3], [4]], dtype=np.int64),
        "attention_mask": np.ones((batch, past_len + 1), dtype=np.int64),
        "position_ids": np.full((batch, 1), past_len, dtype=np.int64),
    }
    for name in input_names(LAYERS)[3:]:
        feeds[name] = rng.normal(size=(batch, HEADS, past_len, HEAD_DIM)).astype(np.float32)

    def cache_sized(shapes: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        return [s for s in shapes if len(s) == 4 and s[2] >= past_len and s[3] == HEAD_DIM]

    # Only the attention scores [b, h, seq, past + seq] are concatenated in the append graph ...
    assert cache_sized(_concat_output_shapes(graphs["default"], feeds)) == []
    # ... while the present graph concatenates every layer's keys and values (the check sees them).
    assert len(cache_sized(_concat_output_shapes(graphs["present"], feeds))) == 2 * LAYERS


def test_hugging_face_models_keep_the_present_signature(tmp_path: Path) -> None:
    from transformers import AutoModelForCausalLM, LlamaConfig

    from swirl_learner.hf_adapter import HfDecoderAdapter

    config = LlamaConfig(vocab_size=263, hidden_size=32, num_hidden_layers=1, num_attention_heads=4, intermediate_size=64, max_position_embeddings=64)
    adapter = HfDecoderAdapter(AutoModelForCausalLM.from_config(config).eval())
    assert adapter.export_signatures == ("present",)
    with pytest.raises(ValueError, match="cache_outputs='new'"):
        export_onnx(adapter, tmp_path / "m.onnx", cache_outputs="new")
    assert not (tmp_path / "m.onnx").exists()
