"""The same contract driving Hugging Face causal LMs (tiny random configs, no downloads)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Server, init_request, sequence, tiny_config
from swirl.v1 import common_pb2 as C, learner_pb2

L = learner_pb2
PROMPT = [256, 260, 10, 72, 105, 262, 261, 10]
ACTION = [60, 97, 62, 262]


@pytest.mark.parametrize("architecture", ["hf:llama", "hf:gpt2"])
def test_hf_model_trains_scores_saves_and_loads(server: Server, tokenizer_path: Path, tmp_path: Path, architecture: str) -> None:
    stub = server.stub
    status = stub.Init(init_request(tokenizer_path, lr=1e-2, reference=True, config=tiny_config(architecture=architecture, hidden_size=32, intermediate_size=64))).status
    assert status.parameter_count > 0 and status.has_reference
    batch = [sequence(PROMPT, ACTION, 1.0)]
    first = stub.TrainStep(L.TrainStepRequest(step=1, loss=L.LOSS_KIND_SFT, sequences=batch))
    for step in range(2, 16):
        last = stub.TrainStep(L.TrainStepRequest(step=step, loss=L.LOSS_KIND_SFT, sequences=batch))
    assert last.loss < first.loss * 0.5
    pg = stub.TrainStep(L.TrainStepRequest(step=16, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=batch, policy_gradient=L.PolicyGradientConfig(kl_coef=0.05)))
    assert pg.kl > 0  # the policy moved away from its initial weights
    probe = L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=PROMPT, continuation_token_ids=ACTION)])
    before = stub.Logprobs(probe).results[0].sum_logprob

    saved = stub.Save(L.SaveRequest(request_id="s", path=str(tmp_path / "hf-ck")))
    assert (tmp_path / "hf-ck" / "model.safetensors").is_file() and saved.checkpoint.step == 16
    # A new session straight from the Hugging Face style directory.
    req = init_request(tokenizer_path, request_id="i2", run_id="run-b", replace_session=True)
    req.model.checkpoint_path = saved.checkpoint.path
    assert stub.Init(req).status.step == 16
    assert stub.Logprobs(probe).results[0].sum_logprob == pytest.approx(before, abs=1e-4)

    # Export in the same KV-cache format as the swirl decoder, verified against torch on a
    # left-padded batch with cached decoding.
    exported = stub.Export(L.ExportRequest(request_id="e", output_dir=str(tmp_path / "onnx")))
    assert exported.max_abs_logit_diff <= 1e-4, exported.max_abs_logit_diff
    config = json.loads((tmp_path / "onnx" / "config.json").read_text())
    assert config["model_type"] == architecture[3:] and config["export_format"] == "swirl-onnx-kv/1"


def test_init_from_a_plain_hugging_face_directory(server: Server, tokenizer_path: Path, tmp_path: Path) -> None:
    from transformers import AutoModelForCausalLM, LlamaConfig

    config = LlamaConfig(vocab_size=263, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64, max_position_embeddings=128)
    AutoModelForCausalLM.from_config(config).save_pretrained(str(tmp_path / "hf"))
    req = init_request(tokenizer_path, request_id="plain-hf")
    req.model.checkpoint_path = str(tmp_path / "hf")
    status = server.stub.Init(req).status
    assert status.step == 0 and status.parameter_count > 0
    response = server.stub.TrainStep(L.TrainStepRequest(step=1, loss=L.LOSS_KIND_SFT, sequences=[sequence(PROMPT, ACTION)]))
    assert response.step == 1
