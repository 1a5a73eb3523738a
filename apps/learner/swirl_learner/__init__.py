"""SWiRL learner: the gradient math of step-wise RL behind the LearnerService gRPC contract."""

from swirl_learner import _stubs_path  # noqa: F401  (makes `swirl.v1` importable)

__all__: list[str] = []
