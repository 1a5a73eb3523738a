"""Per-token log-probabilities, the SFT and policy-gradient losses, KL estimators, reductions.

Alignment (learner.proto): entry t of a per-token array scores token t given tokens < t; entry 0
has no context and is always 0 / masked out.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor

from swirl.v1 import learner_pb2

L = learner_pb2


def token_logprobs(logits: Tensor, input_ids: Tensor) -> tuple[Tensor, Tensor]:
    """(logp [B, L], entropy [B, L]) of each token given its prefix; column 0 is 0."""
    log_probs = torch.log_softmax(logits[:, :-1].float(), dim=-1)
    picked = log_probs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)
    with torch.no_grad():  # reported only; no need to keep its graph
        entropy = -(log_probs.exp() * log_probs).sum(-1)
    zero = torch.zeros_like(picked[:, :1])
    return torch.cat((zero, picked), dim=1), torch.cat((zero, entropy), dim=1)


def kl_per_token(logp: Tensor, ref_logp: Tensor, estimator: int) -> Tensor:
    """Estimate of KL(pi || pi_ref) at tokens sampled from pi (Schulman's k1/k2/k3)."""
    log_ratio = ref_logp - logp
    if estimator == L.KL_ESTIMATOR_K1:
        return -log_ratio
    if estimator == L.KL_ESTIMATOR_K2:
        return 0.5 * log_ratio.square()
    return torch.exp(log_ratio) - log_ratio - 1.0  # K3 (also the default)


@dataclass(frozen=True)
class Normaliser:
    """Global denominators, so micro-batches add up to exactly the whole-batch loss."""

    aggregation: int
    token_weight_sum: float  # sum over sequences of weight * masked tokens
    weight_sum: float  # sum of sequence weights

    @staticmethod
    def of(loss_mask: Tensor, weights: Tensor, aggregation: int) -> "Normaliser":
        tokens = loss_mask.sum(dim=1)
        return Normaliser(aggregation, float((tokens * weights).sum()), float(weights.sum()))

    def reduce(self, per_token: Tensor, loss_mask: Tensor, weights: Tensor) -> Tensor:
        """This micro-batch's share of the aggregated loss."""
        per_sequence = (per_token * loss_mask).sum(dim=1)
        if self.aggregation == L.LOSS_AGGREGATION_SEQUENCE_SUM:
            return (per_sequence * weights).sum() / self.weight_sum
        if self.aggregation == L.LOSS_AGGREGATION_SEQUENCE_MEAN:
            return (per_sequence / loss_mask.sum(dim=1) * weights).sum() / self.weight_sum
        return (per_sequence * weights).sum() / self.token_weight_sum  # TOKEN_MEAN (default)


@dataclass
class LossTerms:
    loss: Tensor  # differentiable: policy part + kl_coef * kl part, already normalised
    policy_loss: float
    kl_sum: float  # sum over masked tokens (for the token-mean report)
    entropy_sum: float
    ratio_sum: float
    clipped: float  # number of masked tokens whose ratio was clipped


def sft_terms(logp: Tensor, entropy: Tensor, loss_mask: Tensor, weights: Tensor, norm: Normaliser) -> LossTerms:
    loss = norm.reduce(-logp, loss_mask, weights)
    return LossTerms(
        loss=loss,
        policy_loss=float(loss.detach()),
        kl_sum=0.0,
        entropy_sum=float((entropy * loss_mask).sum().detach()),
        ratio_sum=float(loss_mask.sum()),
        clipped=0.0,
    )


def policy_gradient_terms(
    logp: Tensor,
    entropy: Tensor,
    loss_mask: Tensor,
    weights: Tensor,
    advantages: Tensor,
    old_logp: Tensor,
    has_old: Tensor,
    ref_logp: Tensor | None,
    config: learner_pb2.PolicyGradientConfig,
    norm: Normaliser,
) -> LossTerms:
    # Without old log-probs the ratio is exp(logp - sg(logp)) = 1 with the REINFORCE gradient.
    behaviour = torch.where(has_old.unsqueeze(1), old_logp, logp.detach())
    ratio = torch.exp(logp - behaviour)
    unclipped = ratio * advantages
    eps = config.clip_epsilon
    if eps > 0:
        clipped_ratio = ratio.clamp(1.0 - eps, 1.0 + eps)
        surrogate = torch.minimum(unclipped, clipped_ratio * advantages)
        was_clipped = ((ratio - 1.0).abs() > eps).float() * loss_mask
    else:
        surrogate = unclipped
        was_clipped = torch.zeros_like(loss_mask)
    policy_loss = norm.reduce(-surrogate, loss_mask, weights)
    loss = policy_loss
    kl_sum = 0.0
    if ref_logp is not None:
        kl = kl_per_token(logp, ref_logp, config.kl_estimator)
        kl_sum = float((kl * loss_mask).sum().detach())
        if config.kl_coef > 0:
            loss = loss + config.kl_coef * norm.reduce(kl, loss_mask, weights)
    return LossTerms(
        loss=loss,
        policy_loss=float(policy_loss.detach()),
        kl_sum=kl_sum,
        entropy_sum=float((entropy * loss_mask).sum().detach()),
        ratio_sum=float((ratio.detach() * loss_mask).sum()),
        clipped=float(was_clipped.sum()),
    )
