"""Save/Load round trip and atomicity (no gRPC)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from conftest import init_request, sequence
from swirl.v1 import common_pb2 as C, learner_pb2
from swirl_learner import checkpoint
from swirl_learner.checkpoint import load_checkpoint, save_checkpoint
from swirl_learner.errors import FailedPrecondition, NotFound
from swirl_learner.session import Session

L = learner_pb2
BATCH = [sequence([256, 260, 10, 72], [105, 262]), sequence([256, 260, 10], [66, 67, 262])]
PROBE = L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=[256, 260], continuation_token_ids=[10, 72, 105])])


def train(session: Session, steps: int) -> list[float]:
    return [session.train_step(L.TrainStepRequest(step=session.step + 1, loss=L.LOSS_KIND_SFT, sequences=BATCH)).loss for _ in range(steps)]


def test_round_trip_restores_weights_optimizer_and_step(tokenizer_path: Path, tmp_path: Path) -> None:
    a = Session.create(init_request(tokenizer_path, lr=1e-3))
    train(a, 3)
    ref = save_checkpoint(a, tmp_path / "ck", weights_only=False)
    assert ref.step == 3 and ref.has_optimizer_state and len(ref.weights_sha256) == 64
    assert sorted(p.name for p in (tmp_path / "ck").iterdir()) == ["config.json", "model.safetensors", "optimizer.pt", "tokenizer.json", "trainer_state.json"]
    continued = train(a, 2)

    b = Session.create(init_request(tokenizer_path, lr=1e-3, seed=99))  # different initial weights
    load_checkpoint(b, str(tmp_path / "ck"), weights_only=False)
    assert b.step == 3
    resumed = train(b, 2)
    assert resumed == pytest.approx(continued, rel=1e-5)  # same weights AND same Adam moments
    assert a.logprobs(PROBE).results[0].sum_logprob == pytest.approx(b.logprobs(PROBE).results[0].sum_logprob, abs=1e-5)


def test_init_from_checkpoint_resumes_step(tokenizer_path: Path, tmp_path: Path) -> None:
    a = Session.create(init_request(tokenizer_path))
    train(a, 2)
    save_checkpoint(a, tmp_path / "ck", weights_only=False)
    req = init_request(tokenizer_path)
    req.model.checkpoint_path = str(tmp_path / "ck")
    req.tokenizer_path = ""  # taken from the checkpoint directory
    b = Session.create(req)
    assert b.step == 2
    assert a.logprobs(PROBE).results[0].sum_logprob == pytest.approx(b.logprobs(PROBE).results[0].sum_logprob, abs=1e-6)


def test_failed_write_leaves_no_partial_checkpoint_and_the_previous_intact(tokenizer_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session.create(init_request(tokenizer_path))
    train(session, 1)
    good = save_checkpoint(session, tmp_path / "step-1", weights_only=False)
    train(session, 1)

    def broken_save(*args: object, **kwargs: object) -> None:
        raise OSError("simulated crash while writing optimizer.pt")

    monkeypatch.setattr(checkpoint.torch, "save", broken_save)
    with pytest.raises(OSError):
        save_checkpoint(session, tmp_path / "step-2", weights_only=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["step-1"]  # no step-2, no temp leftovers
    monkeypatch.undo()
    fresh = Session.create(init_request(tokenizer_path))
    assert load_checkpoint(fresh, str(tmp_path / "step-1"), weights_only=False).weights_sha256 == good.weights_sha256
    assert fresh.step == 1


def test_same_step_same_path_is_a_no_op_and_a_different_checkpoint_is_refused(tokenizer_path: Path, tmp_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path))
    first = save_checkpoint(session, tmp_path / "ck", weights_only=False)
    again = save_checkpoint(session, tmp_path / "ck", weights_only=False)
    assert again.weights_sha256 == first.weights_sha256 and again.create_time == first.create_time
    train(session, 1)
    with pytest.raises(FailedPrecondition, match="different checkpoint"):
        save_checkpoint(session, tmp_path / "ck", weights_only=False)


def test_load_errors(tokenizer_path: Path, tmp_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path))
    with pytest.raises(NotFound):
        load_checkpoint(session, str(tmp_path / "missing"), weights_only=False)
    save_checkpoint(session, tmp_path / "weights", weights_only=True)
    with pytest.raises(FailedPrecondition, match="weights_only"):
        load_checkpoint(session, str(tmp_path / "weights"), weights_only=False)
    load_checkpoint(session, str(tmp_path / "weights"), weights_only=True)
    other = Session.create(init_request(tokenizer_path, config=__import__("conftest").tiny_config(hidden_size=64)))
    save_checkpoint(other, tmp_path / "wide", weights_only=False)
    with pytest.raises(FailedPrecondition, match="architecture"):
        load_checkpoint(session, str(tmp_path / "wide"), weights_only=False)


def test_rng_state_is_restored(tokenizer_path: Path, tmp_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path))
    save_checkpoint(session, tmp_path / "ck", weights_only=False)
    expected = torch.rand(3)
    torch.rand(5)
    load_checkpoint(session, str(tmp_path / "ck"), weights_only=False)
    assert torch.equal(torch.rand(3), expected)
