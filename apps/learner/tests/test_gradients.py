"""Gradient sanity of the losses, directly on a Session (no gRPC)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from conftest import init_request, sequence
from swirl.v1 import common_pb2 as C, learner_pb2
from swirl_learner.losses import Normaliser, kl_per_token, policy_gradient_terms, token_logprobs
from swirl_learner.session import Session

L = learner_pb2
PROMPT = [256, 260, 10, 72, 105, 262, 261, 10]
ACTION = [60, 97, 62, 49, 262]


def action_logprob(session: Session, prompt: list[int], action: list[int]) -> float:
    req = L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=prompt, continuation_token_ids=action)])
    return session.logprobs(req).results[0].sum_logprob


@pytest.mark.parametrize("advantage", [1.0, -1.0])
def test_policy_gradient_moves_action_logprob_with_advantage_sign(tokenizer_path: Path, advantage: float) -> None:
    session = Session.create(init_request(tokenizer_path, lr=1e-3))
    before = action_logprob(session, PROMPT, ACTION)
    session.train_step(L.TrainStepRequest(step=1, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=[sequence(PROMPT, ACTION, advantage)]))
    after = action_logprob(session, PROMPT, ACTION)
    assert (after - before) * advantage > 0, (before, after)


def test_clipped_ppo_with_old_logprobs_also_follows_advantage(tokenizer_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path, lr=1e-3))
    old = session.logprobs(L.LogprobsRequest(items=[C.TokenContinuation(prefix_token_ids=PROMPT, continuation_token_ids=ACTION)])).results[0]
    seq = sequence(PROMPT, ACTION, 1.0, old_logprobs=[0.0] * len(PROMPT) + list(old.logprobs))
    response = session.train_step(
        L.TrainStepRequest(step=1, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=[seq], policy_gradient=L.PolicyGradientConfig(clip_epsilon=0.2))
    )
    assert response.mean_ratio == pytest.approx(1.0, abs=1e-4)  # on-policy: ratio 1 at the first step
    assert response.clip_fraction == 0.0
    assert action_logprob(session, PROMPT, ACTION) > old.sum_logprob


def test_sft_memorises_a_batch(tokenizer_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path, lr=1e-2))
    batch = [sequence(PROMPT, ACTION), sequence([256, 260, 10, 66, 262, 261, 10], [50, 43, 50, 262])]
    losses = [session.train_step(L.TrainStepRequest(step=i, loss=L.LOSS_KIND_SFT, sequences=batch)).loss for i in range(1, 61)]
    assert losses[0] > 4.0
    assert losses[-1] < 0.05, losses[-5:]


def test_prompt_tokens_get_no_gradient(tokenizer_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path))
    ids = torch.tensor([PROMPT + ACTION])
    mask = torch.tensor([[0.0] * len(PROMPT) + [1.0] * len(ACTION)])
    logits = session.backend.logits(ids, torch.ones_like(ids)).detach().requires_grad_(True)
    logp, entropy = token_logprobs(logits, ids)
    weights = torch.ones(1)
    terms = policy_gradient_terms(
        logp, entropy, mask, weights, torch.ones_like(mask), torch.zeros_like(mask), torch.tensor([False]), None,
        L.PolicyGradientConfig(), Normaliser.of(mask, weights, L.LOSS_AGGREGATION_SEQUENCE_SUM),
    )
    terms.loss.backward()
    assert logits.grad is not None
    per_position = logits.grad[0].abs().sum(-1)
    # Position t-1 predicts token t: positions predicting prompt tokens (and the last) get nothing.
    predicts_prompt = per_position[: len(PROMPT) - 1]
    assert torch.all(predicts_prompt == 0)
    assert per_position[-1] == 0
    assert torch.all(per_position[len(PROMPT) - 1 : -1] > 0)


@pytest.mark.parametrize("estimator", [L.KL_ESTIMATOR_K1, L.KL_ESTIMATOR_K2, L.KL_ESTIMATOR_K3])
def test_kl_against_itself_is_zero(estimator: int) -> None:
    logp = torch.log_softmax(torch.randn(3, 7), -1).requires_grad_(True)
    kl = kl_per_token(logp, logp.detach(), estimator)
    assert torch.all(kl == 0)
    if estimator != L.KL_ESTIMATOR_K1:  # k2/k3 also have zero gradient at pi == pi_ref
        kl.sum().backward()
        assert logp.grad is not None and torch.all(logp.grad == 0)


def test_kl_to_initial_reference_is_zero_then_positive(tokenizer_path: Path) -> None:
    session = Session.create(init_request(tokenizer_path, lr=1e-2, reference=True))
    pg = L.PolicyGradientConfig(kl_coef=0.1)
    seqs = [sequence(PROMPT, ACTION, 1.0)]
    first = session.train_step(L.TrainStepRequest(step=1, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=seqs, policy_gradient=pg))
    assert first.kl == 0.0
    second = session.train_step(L.TrainStepRequest(step=2, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=seqs, policy_gradient=pg))
    assert second.kl > 0.0
    assert second.loss == pytest.approx(second.policy_loss + 0.1 * second.kl, rel=1e-4)  # TOKEN_MEAN: kl term = mean


def test_micro_batches_give_the_same_update(tokenizer_path: Path) -> None:
    batch = [sequence(PROMPT, ACTION, 1.0, weight=2.0), sequence(PROMPT[:4], ACTION[:2], -0.5), sequence(PROMPT, [70, 71], 0.3)]
    results = []
    for micro in (0, 1):
        session = Session.create(init_request(tokenizer_path, lr=1e-3, seed=3))
        for agg in (L.LOSS_AGGREGATION_SEQUENCE_SUM,):
            r = session.train_step(L.TrainStepRequest(step=1, loss=L.LOSS_KIND_POLICY_GRADIENT, sequences=batch, aggregation=agg, micro_batch_size=micro))
        results.append((r.loss, r.grad_norm, [p.detach().clone() for p in session.backend.module.parameters()]))
    assert results[0][0] == pytest.approx(results[1][0], rel=1e-5)
    assert results[0][1] == pytest.approx(results[1][1], rel=1e-4)
    for a, b in zip(results[0][2], results[1][2], strict=True):
        assert torch.allclose(a, b, atol=1e-6)


def test_aggregations_differ_as_documented() -> None:
    per_token = torch.tensor([[0.0, 1.0, 1.0], [0.0, 3.0, 0.0]])
    mask = torch.tensor([[0.0, 1.0, 1.0], [0.0, 1.0, 0.0]])
    w = torch.ones(2)
    assert Normaliser.of(mask, w, L.LOSS_AGGREGATION_TOKEN_MEAN).reduce(per_token, mask, w).item() == pytest.approx(5 / 3)
    assert Normaliser.of(mask, w, L.LOSS_AGGREGATION_SEQUENCE_SUM).reduce(per_token, mask, w).item() == pytest.approx(2.5)
    assert Normaliser.of(mask, w, L.LOSS_AGGREGATION_SEQUENCE_MEAN).reduce(per_token, mask, w).item() == pytest.approx(2.0)


def test_bf16_precision_trains(tokenizer_path: Path) -> None:
    req = init_request(tokenizer_path, lr=1e-2)
    req.precision = L.PRECISION_BF16
    session = Session.create(req)
    losses = [session.train_step(L.TrainStepRequest(step=i, loss=L.LOSS_KIND_SFT, sequences=[sequence(PROMPT, ACTION)])).loss for i in range(1, 11)]
    assert all(torch.isfinite(torch.tensor(losses))) and losses[-1] < losses[0]
