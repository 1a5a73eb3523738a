"""LearnerService over a real gRPC server on a loopback port: contract errors and idempotency."""

from __future__ import annotations

import json
from pathlib import Path

import grpc
import pytest

from conftest import Server, init_request, sequence, tiny_config
from swirl.v1 import common_pb2 as C, learner_pb2
from swirl_client.health.v1 import health_pb2, health_pb2_grpc

L = learner_pb2
PROMPT = [256, 260, 10, 72, 105, 262, 261, 10]
ACTION = [60, 97, 62, 262]


def code_of(call: object) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.RpcError) as info:
        call()  # type: ignore[operator]
    err = info.value
    return err.code(), err.details()  # type: ignore[attr-defined]


def sft(step: int, *seqs: learner_pb2.TrainSequence) -> learner_pb2.TrainStepRequest:
    return L.TrainStepRequest(step=step, loss=L.LOSS_KIND_SFT, sequences=list(seqs) or [sequence(PROMPT, ACTION)])


def test_calls_before_init_fail_with_failed_precondition(server: Server) -> None:
    assert server.stub.GetStatus(L.GetStatusRequest()).status.state == L.LEARNER_STATE_UNINITIALIZED
    code, details = code_of(lambda: server.stub.TrainStep(sft(1)))
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "Init" in details
    code, _ = code_of(lambda: server.stub.Logprobs(L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[1], continuation_token_ids=[2])])))
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    code, _ = code_of(lambda: server.stub.Save(L.SaveRequest(request_id="s")))
    assert code == grpc.StatusCode.FAILED_PRECONDITION


def test_health_is_serving(server: Server) -> None:
    server.health.set_all(health_pb2.HealthCheckResponse.SERVING)
    health = health_pb2_grpc.HealthStub(server.channel)
    assert health.Check(health_pb2.HealthCheckRequest(service="")).status == health_pb2.HealthCheckResponse.SERVING
    assert health.Check(health_pb2.HealthCheckRequest(service="swirl.v1.LearnerService")).status == health_pb2.HealthCheckResponse.SERVING
    code, _ = code_of(lambda: health.Check(health_pb2.HealthCheckRequest(service="nope")))
    assert code == grpc.StatusCode.NOT_FOUND


def test_init_errors(server: Server, tokenizer_path: Path, tmp_path: Path) -> None:
    stub = server.stub
    cases: list[tuple[learner_pb2.InitRequest, grpc.StatusCode, str]] = []
    r = init_request(tokenizer_path); r.request_id = ""
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "request_id"))
    r = init_request(tokenizer_path); r.ClearField("model")
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "model"))
    r = init_request(tokenizer_path); r.optimizer.learning_rate = 0
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "learning_rate"))
    r = init_request(tokenizer_path); r.model.checkpoint_path = str(tmp_path / "nothing-here")
    cases.append((r, grpc.StatusCode.NOT_FOUND, "nothing-here"))
    r = init_request(tokenizer_path); r.tokenizer_path = str(tmp_path / "missing.json")
    cases.append((r, grpc.StatusCode.NOT_FOUND, "missing.json"))
    r = init_request(tokenizer_path, config=tiny_config(vocab_size=300))
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "vocab_size"))
    r = init_request(tokenizer_path, config=tiny_config(hidden_size=30))
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "divisible"))
    r = init_request(tokenizer_path, config=tiny_config(architecture="rnn"))
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "architecture"))
    r = init_request(tokenizer_path, run_id="../escape")
    cases.append((r, grpc.StatusCode.INVALID_ARGUMENT, "path separators"))
    for i, (req, code, needle) in enumerate(cases):
        req.request_id = req.request_id and f"bad-{i}"
        got, details = code_of(lambda: stub.Init(req))
        assert (got, needle in details) == (code, True), (i, got, details)


def test_init_is_idempotent_by_request_id_and_guards_the_session(server: Server, tokenizer_path: Path) -> None:
    stub = server.stub
    first = stub.Init(init_request(tokenizer_path, request_id="a"))
    stub.TrainStep(sft(1))
    again = stub.Init(init_request(tokenizer_path, request_id="a"))
    assert again == first  # the original response; the session was not re-created
    assert stub.GetStatus(L.GetStatusRequest()).status.step == 1
    code, details = code_of(lambda: stub.Init(init_request(tokenizer_path, request_id="b", run_id="run-b")))
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "replace_session" in details
    replaced = stub.Init(init_request(tokenizer_path, request_id="b", run_id="run-b", replace_session=True))
    assert replaced.status.run_id == "run-b" and replaced.status.step == 0


def test_train_step_bad_inputs(server: Server, tokenizer_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path))
    good = sequence(PROMPT, ACTION, 1.0, id="ex-7/0")
    n = len(good.token_ids)

    def variant(**changes: object) -> learner_pb2.TrainSequence:
        s = L.TrainSequence(); s.CopyFrom(good)
        for k, v in changes.items():
            s.ClearField(k)
            getattr(s, k).extend(v) if isinstance(v, list) else setattr(s, k, v)
        return s

    pg = L.LOSS_KIND_POLICY_GRADIENT
    cases = [
        (L.TrainStepRequest(step=1, loss=L.LOSS_KIND_SFT), "empty"),
        (L.TrainStepRequest(step=1, sequences=[good]), "UNSPECIFIED"),
        (sft(1, variant(loss_mask=[False, True])), "loss_mask has 2 entries"),
        (L.TrainStepRequest(step=1, loss=pg, sequences=[variant(token_advantages=[1.0] * (n - 1))]), "token_advantages"),
        (L.TrainStepRequest(step=1, loss=pg, sequences=[variant(old_logprobs=[0.0] * (n + 1))]), "old_logprobs"),
        (L.TrainStepRequest(step=1, loss=pg, sequences=[variant(ref_logprobs=[0.0] * 2)]), "ref_logprobs"),
        (sft(1, variant(token_ids=[1] * (n - 1) + [9999])), "outside the vocabulary"),
        (sft(1, variant(loss_mask=[False] * n)), "no true entry"),
        (sft(1, variant(loss_mask=[True] * n)), "entry 0"),
        (sft(1, variant(token_ids=[1] * 200, loss_mask=[False] + [True] * 199)), "max_seq_len"),
        (L.TrainStepRequest(step=1, loss=pg, sequences=[good], policy_gradient=L.PolicyGradientConfig(clip_epsilon=0.2)), "old_logprobs are required"),
        (L.TrainStepRequest(step=1, loss=pg, sequences=[good], policy_gradient=L.PolicyGradientConfig(kl_coef=0.1)), "reference"),
    ]
    for i, (req, needle) in enumerate(cases):
        code, details = code_of(lambda: stub.TrainStep(req))
        assert code == grpc.StatusCode.INVALID_ARGUMENT, (i, code, details)
        assert needle in details, (i, details)
    code, details = code_of(lambda: stub.TrainStep(sft(1, variant(loss_mask=[False, True]))))
    assert "'ex-7/0'" in details  # the caller's id is echoed
    assert stub.GetStatus(L.GetStatusRequest()).status.step == 0  # nothing was applied


def test_train_step_is_idempotent_by_step_number(server: Server, tokenizer_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path))
    first = stub.TrainStep(sft(1))
    assert first.step == 1 and not first.replayed and first.loss_tokens == len(ACTION) and first.sequences == 1
    replay = stub.TrainStep(sft(1))
    assert replay.replayed and replay.loss == first.loss and replay.grad_norm == first.grad_norm
    assert stub.GetStatus(L.GetStatusRequest()).status.step == 1  # not trained twice
    code, details = code_of(lambda: stub.TrainStep(sft(3)))
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "next update is step 2" in details
    for step in range(2, 20):
        stub.TrainStep(sft(step))
    code, _ = code_of(lambda: stub.TrainStep(sft(1)))  # beyond the 16 remembered steps
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    assert stub.TrainStep(sft(19)).replayed


def test_logprobs_over_grpc(server: Server, tokenizer_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path, reference=True))
    items = [C.TokenContinuation(prefix_token_ids=PROMPT, continuation_token_ids=ACTION), C.TokenContinuation(continuation_token_ids=[72, 105])]
    policy = stub.Logprobs(L.LogprobsRequest(items=items))
    assert [len(r.logprobs) for r in policy.results] == [len(ACTION), 2]
    assert policy.results[0].sum_logprob == pytest.approx(sum(policy.results[0].logprobs), abs=1e-5)
    assert all(v < 0 for r in policy.results for v in r.logprobs)
    reference = stub.Logprobs(L.LogprobsRequest(items=items, model=L.LOGPROBS_MODEL_REFERENCE))
    assert reference.results[0].sum_logprob == pytest.approx(policy.results[0].sum_logprob, abs=1e-5)
    bad = [
        (L.LogprobsRequest(), "empty"),
        (L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[1])]), "continuation_token_ids is empty"),
        (L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[1], continuation_token_ids=[263])]), "outside the vocabulary"),
        (L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[1] * 200, continuation_token_ids=[2])]), "max_seq_len"),
        (L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[1], continuation_token_ids=[2])] * 1025), "at most 1024"),
    ]
    for req, needle in bad:
        code, details = code_of(lambda: stub.Logprobs(req))
        assert code == grpc.StatusCode.INVALID_ARGUMENT and needle in details, details


def test_reference_logprobs_need_a_reference(server: Server, tokenizer_path: Path) -> None:
    server.stub.Init(init_request(tokenizer_path))
    req = L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[1], continuation_token_ids=[2])], model=L.LOGPROBS_MODEL_REFERENCE)
    code, _ = code_of(lambda: server.stub.Logprobs(req))
    assert code == grpc.StatusCode.FAILED_PRECONDITION


def test_save_load_over_grpc(server: Server, tokenizer_path: Path, tmp_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path))
    stub.TrainStep(sft(1))
    code, _ = code_of(lambda: stub.Save(L.SaveRequest(request_id="", path=str(tmp_path / "x"))))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    code, details = code_of(lambda: stub.Save(L.SaveRequest(request_id="s0", path="relative/dir")))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "relative" in details
    saved = stub.Save(L.SaveRequest(request_id="s1"))  # default path under the checkpoint root
    assert saved.checkpoint.path.endswith("run-a/step-1") and saved.checkpoint.id == "run-a/step-1"
    assert stub.Save(L.SaveRequest(request_id="s1")) == saved
    assert stub.GetStatus(L.GetStatusRequest()).status.last_checkpoint.id == "run-a/step-1"
    stub.TrainStep(sft(2))
    code, _ = code_of(lambda: stub.Load(L.LoadRequest(request_id="l0", path=str(tmp_path / "none"))))
    assert code == grpc.StatusCode.NOT_FOUND
    code, _ = code_of(lambda: stub.Load(L.LoadRequest(request_id="l0", path="")))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    loaded = stub.Load(L.LoadRequest(request_id="l1", path=saved.checkpoint.path))
    assert loaded.step == 1 and loaded.checkpoint.weights_sha256 == saved.checkpoint.weights_sha256
    stub.TrainStep(sft(2))  # step 2 again: the loaded state continues from step 1
    assert stub.Load(L.LoadRequest(request_id="l1", path=saved.checkpoint.path)) == loaded  # a replay, no roll-back
    assert stub.GetStatus(L.GetStatusRequest()).status.step == 2


def test_export_over_grpc(server: Server, tokenizer_path: Path, tmp_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path))
    stub.TrainStep(sft(1))
    out = tmp_path / "export"
    response = stub.Export(L.ExportRequest(request_id="e1", output_dir=str(out), model=C.ModelRef(name="swirl-tiny")))
    assert response.max_abs_logit_diff <= 1e-4 and response.step == 1
    assert response.model.name == "swirl-tiny" and response.model.version == "step-1"
    assert sorted(p.name for p in out.iterdir()) == ["config.json", "model.onnx", "tokenizer.json"]
    config = json.loads((out / "config.json").read_text())
    assert config["provenance"]["run_id"] == "run-a" and config["provenance"]["step"] == 1
    assert config["export_format"] == "swirl-onnx-kv-append/1"  # the swirl decoder's default signature
    again = stub.Export(L.ExportRequest(request_id="e2", output_dir=str(out), model=C.ModelRef(name="swirl-tiny")))
    assert again.onnx_sha256 == response.onnx_sha256  # the same step to the same directory: existing export
    stub.TrainStep(sft(2))
    code, _ = code_of(lambda: stub.Export(L.ExportRequest(request_id="e3", output_dir=str(out))))
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    code, _ = code_of(lambda: stub.Export(L.ExportRequest(request_id="")))
    assert code == grpc.StatusCode.INVALID_ARGUMENT


def test_non_finite_loss_is_internal_and_does_not_advance(server: Server, tokenizer_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path))
    n = len(PROMPT) + len(ACTION)
    # Finite inputs whose ratio exp(logp - old) overflows: the loss becomes inf.
    seq = sequence(PROMPT, ACTION, 1.0, old_logprobs=[-1e30] * n)
    req = L.TrainStepRequest(step=1, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=[seq])
    code, details = code_of(lambda: stub.TrainStep(req))
    assert code == grpc.StatusCode.INTERNAL and "not advanced" in details
    assert stub.GetStatus(L.GetStatusRequest()).status.step == 0
    assert stub.TrainStep(sft(1)).step == 1


def test_per_token_advantages_override_the_sequence_advantage(server: Server, tokenizer_path: Path) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path, lr=1e-3))
    probe = L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=PROMPT, continuation_token_ids=ACTION)])
    before = stub.Logprobs(probe).results[0].sum_logprob
    seq = sequence(PROMPT, ACTION, 5.0, token_advantages=[0.0] * len(PROMPT) + [-1.0] * len(ACTION))
    stub.TrainStep(L.TrainStepRequest(step=1, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=[seq]))
    assert stub.Logprobs(probe).results[0].sum_logprob < before  # -1 per token wins over +5


def test_an_unexpected_error_fails_the_session_until_init(server: Server, tokenizer_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stub = server.stub
    stub.Init(init_request(tokenizer_path))
    session = server.learner.session
    assert session is not None

    def boom(*args: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(session.optimizer, "step", boom)
    code, details = code_of(lambda: stub.TrainStep(sft(1)))
    assert code == grpc.StatusCode.INTERNAL and "simulated bug" in details
    status = stub.GetStatus(L.GetStatusRequest()).status
    assert status.state == L.LEARNER_STATE_FAILED and "simulated bug" in status.error_message
    code, _ = code_of(lambda: stub.TrainStep(sft(1)))
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    stub.Init(init_request(tokenizer_path, request_id="again"))
    assert stub.GetStatus(L.GetStatusRequest()).status.state == L.LEARNER_STATE_READY
