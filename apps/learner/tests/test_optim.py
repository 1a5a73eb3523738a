"""Learning-rate schedules of OptimizerConfig."""

from __future__ import annotations

import pytest

from swirl.v1 import learner_pb2
from swirl_learner.errors import InvalidArgument
from swirl_learner.optim import Schedule, validate_optimizer

L = learner_pb2


def test_warmup_then_linear_and_cosine_decay() -> None:
    linear = Schedule(peak=1.0, warmup_steps=10, kind=L.LR_SCHEDULE_LINEAR, total_steps=110)
    assert linear.lr_at(1) == pytest.approx(0.1)
    assert linear.lr_at(10) == pytest.approx(1.0)
    assert linear.lr_at(60) == pytest.approx(0.5)
    assert linear.lr_at(110) == pytest.approx(0.0)
    cosine = Schedule(peak=1.0, warmup_steps=0, kind=L.LR_SCHEDULE_COSINE, total_steps=100)
    assert cosine.lr_at(50) == pytest.approx(0.5)
    assert Schedule(peak=0.3, warmup_steps=0, kind=L.LR_SCHEDULE_UNSPECIFIED, total_steps=0).lr_at(1000) == 0.3


@pytest.mark.parametrize(
    "changes",
    [dict(learning_rate=0.0), dict(learning_rate=1e-3, beta1=1.0), dict(learning_rate=1e-3, schedule=L.LR_SCHEDULE_COSINE), dict(learning_rate=1e-3, grad_clip_norm=-1)],
)
def test_bad_hyper_parameters_are_rejected(changes: dict[str, float]) -> None:
    with pytest.raises(InvalidArgument):
        validate_optimizer(L.OptimizerConfig(**changes))  # type: ignore[arg-type]
