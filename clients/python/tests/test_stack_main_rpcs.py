"""A Python client calls the main RPC of every service of the running stack.

The stack is the one described by SWIRL_STACK_FILE (tools/ci/stack-metrics.sh starts it, with
Prometheus scraping it), or else one this module starts itself (tools/ci/stack/swirl_stack.py).
The set of services is explicit: every service of the stack needs a caller in MAIN_RPCS and
every caller needs its service running, otherwise the test fails (nothing is skipped).

The coordinator's caller runs a small job on the synthetic world (SYNTHESIZE, then FILTER into a
dataset version) and the trainer's caller trains on that dataset version: the `coordinator_jobs`
fixture runs the jobs once per module and both callers take it. Every request id is fresh, so the
callers also work on a second run against the same stack (stack-metrics.sh runs them twice).
"""

from __future__ import annotations

import inspect
import json
import math
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from google.protobuf import struct_pb2

from swirl.v1 import (
    common_pb2,
    coordinator_pb2,
    coordinator_pb2_grpc,
    inference_pb2,
    inference_pb2_grpc,
    judge_pb2,
    judge_pb2_grpc,
    learner_pb2,
    learner_pb2_grpc,
    tools_pb2,
    tools_pb2_grpc,
    trainer_pb2,
    trainer_pb2_grpc,
    trajectory_pb2,
)
from swirl_client import open_channel

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tools" / "ci" / "stack"))
import swirl_stack  # noqa: E402


class Stack:
    def __init__(self, description: dict[str, object]) -> None:
        services = description["services"]
        model = description["model"]
        world = description["world"]
        assert isinstance(services, dict) and isinstance(model, dict) and isinstance(world, dict)
        self.targets: dict[str, str] = {name: s["target"] for name, s in services.items()}
        self.model_name: str = model["name"]
        self.model_dir = Path(model["dir"])
        self.world_seed: int = world["seed"]

    def channel(self, service: str) -> grpc.Channel:
        return open_channel(self.targets[service])


def call_tools(stack: Stack) -> None:
    stub = tools_pb2_grpc.ToolServiceStub(stack.channel("tools"))
    args = struct_pb2.Struct()
    args.update({"expression": "(17 + 4) * 2"})
    result = stub.Execute(tools_pb2.ExecuteRequest(call=trajectory_pb2.ToolCall(tool_name="calculator", arguments=args)), timeout=10).result
    assert result.status == trajectory_pb2.TOOL_RESULT_STATUS_OK and result.output == "42"
    query = struct_pb2.Struct()
    query.update({"query": "Scott Derrickson nationality", "top_k": 3})
    found = stub.Execute(tools_pb2.ExecuteRequest(call=trajectory_pb2.ToolCall(tool_name="search", arguments=query)), timeout=10).result
    assert found.status == trajectory_pb2.TOOL_RESULT_STATUS_OK and "Scott Derrickson" in found.output


def call_inference(stack: Stack) -> None:
    stub = inference_pb2_grpc.InferenceServiceStub(stack.channel("inference"))
    chat = common_pb2.ChatMessages(messages=[common_pb2.ChatMessage(role=common_pb2.CHAT_ROLE_USER, content="What is 6 * 7?")])
    sampling = common_pb2.SamplingParams(max_new_tokens=12, temperature=0.0, ignore_eos=True)
    response = stub.Generate(inference_pb2.GenerateRequest(model=common_pb2.ModelRef(name=stack.model_name), chat=chat, sampling=sampling), timeout=60)
    assert response.model.name == stack.model_name and response.prompt_token_count > 0
    (completion,) = response.completions
    assert len(completion.token_ids) == 12 and len(completion.logprobs) == 12
    assert all(lp <= 0 for lp in completion.logprobs)


def call_learner(stack: Stack) -> None:
    stub = learner_pb2_grpc.LearnerServiceStub(stack.channel("learner"))
    config = json.loads((stack.model_dir / "config.json").read_text())
    model = learner_pb2.ModelConfig(architecture="swirl-decoder", vocab_size=config["vocab_size"], num_layers=2, hidden_size=32, num_heads=4, max_seq_len=128)
    # A fresh request id: a repeated one would replay the first Init without acting, and the
    # trainer's runs replace this session on the same learner in between.
    stub.Init(learner_pb2.InitRequest(
        request_id=fresh_id("stack-init"), run_id="stack-check", model=learner_pb2.ModelSource(config=model),
        tokenizer_path=str(stack.model_dir / "tokenizer.json"), optimizer=learner_pb2.OptimizerConfig(learning_rate=1e-2), seed=1,
        device="cpu", replace_session=True,
    ), timeout=60)
    status = stub.GetStatus(learner_pb2.GetStatusRequest(), timeout=10).status
    prompt, action = [256, 260, 10, 72, 105, 262, 261, 10], [52, 50, 262]
    sequence = learner_pb2.TrainSequence(token_ids=prompt + action, loss_mask=[False] * len(prompt) + [True] * len(action))
    for step in (status.step + 1, status.step + 2):
        out = stub.TrainStep(learner_pb2.TrainStepRequest(step=step, loss=learner_pb2.LOSS_KIND_SFT, sequences=[sequence] * 4), timeout=60)
        assert out.step == step and out.loss_tokens == 4 * len(action) and math.isfinite(out.loss) and not out.replayed


def call_judge(stack: Stack) -> None:
    stub = judge_pb2_grpc.JudgeServiceStub(stack.channel("judge"))
    prefix = [
        common_pb2.ChatMessage(role=common_pb2.CHAT_ROLE_SYSTEM, content="Use <math_exp>E</math_exp> for arithmetic and <answer>A</answer> to answer."),
        common_pb2.ChatMessage(role=common_pb2.CHAT_ROLE_USER, content="Question: Ana buys 3 boxes of 12 eggs. How many eggs does she have?"),
    ]
    good = judge_pb2.StepJudgeItem(item_id="good", prefix=prefix, action_text="Multiply boxes by eggs per box. <math_exp>3 * 12</math_exp>")
    bad = judge_pb2.StepJudgeItem(item_id="bad", prefix=prefix, action_text="<math_exp>3 * 12</math_exp><answer>36</answer>")
    response = stub.JudgeSteps(judge_pb2.JudgeStepsRequest(judge_id="rules", items=[good, bad]), timeout=30)
    labels = {j.item_id: j.verdict.label for j in response.judgments}
    assert labels == {"good": trajectory_pb2.VERDICT_LABEL_GOOD, "bad": trajectory_pb2.VERDICT_LABEL_BAD}


def fresh_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def follow_job(stub: coordinator_pb2_grpc.CoordinatorServiceStub, job_id: str, timeout_s: float) -> coordinator_pb2.Job:
    """Watches a job to its end (WatchJob), then reads it back (GetJob); returns the job."""
    terminal = {common_pb2.JOB_STATE_SUCCEEDED, common_pb2.JOB_STATE_FAILED, common_pb2.JOB_STATE_CANCELLED}
    states = [update.job.state for update in stub.WatchJob(coordinator_pb2.WatchJobRequest(job_id=job_id), timeout=timeout_s)]
    assert states and states[-1] in terminal, f"WatchJob of {job_id} ended in state {states[-1:] or 'none'}"
    job = stub.GetJob(coordinator_pb2.GetJobRequest(job_id=job_id), timeout=10).job
    assert job.state == common_pb2.JOB_STATE_SUCCEEDED, f"job {job_id} ended {common_pb2.JobState.Name(job.state)}: {job.error_message}"
    return job


@dataclass(frozen=True)
class CoordinatorJobs:
    """A SYNTHESIZE job on the synthetic world and the FILTER job that made its dataset version."""

    synthesize: coordinator_pb2.Job
    filter: coordinator_pb2.Job
    dataset_version_id: str


QUESTIONS, SAMPLES = 4, 2


def run_coordinator_jobs(stack: Stack) -> CoordinatorJobs:
    stub = coordinator_pb2_grpc.CoordinatorServiceStub(stack.channel("coordinator"))
    tasks = coordinator_pb2.TaskSource(synthetic_world=coordinator_pb2.SyntheticWorldTasks(
        seed=stack.world_seed, split="train", count=QUESTIONS, family=common_pb2.TASK_FAMILY_MATH))
    synthesize = coordinator_pb2.SynthesizeSpec(
        tasks=tasks, samples_per_task=SAMPLES, step_caps=coordinator_pb2.StepCaps(math=6),
        sampling=common_pb2.SamplingParams(temperature=1.0, seed=7, max_new_tokens=96), policy=common_pb2.ModelRef(name=stack.model_name))
    started = stub.StartJob(coordinator_pb2.StartJobRequest(request_id=fresh_id("stack-synthesize"), spec=coordinator_pb2.JobSpec(synthesize=synthesize),
                                                            display_name="stack check: synthesize"), timeout=30).job
    synthesized = follow_job(stub, started.id, timeout_s=300)
    selector = coordinator_pb2.TrajectorySelector(job_ids=[synthesized.id])
    # PROCESS (the paper's filter for SWiRL): a trajectory is kept only if the rules judge calls
    # every one of its steps GOOD.
    filter_spec = coordinator_pb2.FilterSpec(trajectories=selector, strategy=judge_pb2.FILTER_STRATEGY_PROCESS, process_judge_id="rules")
    started = stub.StartJob(coordinator_pb2.StartJobRequest(request_id=fresh_id("stack-filter"), spec=coordinator_pb2.JobSpec(filter=filter_spec),
                                                            display_name="stack check: filter"), timeout=30).job
    filtered = follow_job(stub, started.id, timeout_s=120)
    return CoordinatorJobs(synthesized, filtered, filtered.result.filter.dataset_version.id)


@pytest.fixture(scope="module")
def coordinator_jobs(stack: Stack) -> CoordinatorJobs:
    """Run once per module: the coordinator's caller checks these jobs, the trainer's trains on
    their dataset version (whichever test runs first starts them)."""
    return run_coordinator_jobs(stack)


def call_coordinator(stack: Stack, coordinator_jobs: CoordinatorJobs) -> None:
    stub = coordinator_pb2_grpc.CoordinatorServiceStub(stack.channel("coordinator"))
    result = coordinator_jobs.synthesize.result.synthesize
    assert result.tasks == QUESTIONS and result.trajectories == QUESTIONS * SAMPLES and result.errors == 0
    assert result.steps >= result.trajectories and result.generated_tokens > 0 and result.policy.name == stack.model_name
    stored = stub.ListTrajectories(coordinator_pb2.ListTrajectoriesRequest(job_id=coordinator_jobs.synthesize.id, page_size=50), timeout=10)
    assert stored.total_size == QUESTIONS * SAMPLES and len(stored.trajectories) == QUESTIONS * SAMPLES
    assert all(t.steps and t.task.family == common_pb2.TASK_FAMILY_MATH for t in stored.trajectories)
    # The policy <-> tools loop really ran: math steps call the calculator through the tools service.
    tool_steps = [s for t in stored.trajectories for s in t.steps if s.HasField("tool_result")]
    assert tool_steps and all(s.tool_result.status == trajectory_pb2.TOOL_RESULT_STATUS_OK for s in tool_steps)
    version = stub.GetDatasetVersion(coordinator_pb2.GetDatasetVersionRequest(dataset_version_id=coordinator_jobs.dataset_version_id), timeout=10).dataset_version
    assert version.id and version.filter_job_id == coordinator_jobs.filter.id and list(version.source_job_ids) == [coordinator_jobs.synthesize.id]
    assert version.strategy == judge_pb2.FILTER_STRATEGY_PROCESS and version.process_judge.startswith("rules@")
    assert version.stats.trajectories_in == QUESTIONS * SAMPLES and version.stats.steps_in == result.steps
    assert 0 < version.stats.trajectories_kept <= version.stats.trajectories_in, f"the process filter kept no trajectory: {version.stats}"


def call_trainer(stack: Stack, coordinator_jobs: CoordinatorJobs) -> None:
    stub = trainer_pb2_grpc.TrainerServiceStub(stack.channel("trainer"))
    # An update only reaches the learner if some state's samples got mixed verdicts (equal rewards
    # carry no signal). At temperature 1.0 the base policy repeats its GOOD step so often that a
    # whole batch often has none; at 1.3 a quarter to three quarters of the states have one, so
    # 4 states x 4 samples per update make at least one learner step all but certain.
    hyper = trainer_pb2.RunHyperParameters(
        updates=2, states_per_batch=4, samples_per_state=4, export_every=0, seed=3,
        sampling=common_pb2.SamplingParams(temperature=1.3, max_new_tokens=48))
    run = stub.CreateRun(trainer_pb2.CreateRunRequest(
        request_id=fresh_id("stack-run"), dataset_version_id=coordinator_jobs.dataset_version_id, base_model=common_pb2.ModelRef(name=stack.model_name),
        algorithm=trainer_pb2.TRAINING_ALGORITHM_SWIRL, hyper_parameters=hyper, reward_judge_id="rules", display_name="stack check: swirl"), timeout=30).run
    events = list(stub.WatchRun(trainer_pb2.WatchRunRequest(run_id=run.id), timeout=300))
    progress = [e.progress for e in events if e.WhichOneof("event") == "progress"]
    run = stub.GetRun(trainer_pb2.GetRunRequest(run_id=run.id), timeout=10).run
    assert run.state == common_pb2.RUN_STATE_SUCCEEDED, f"run {run.id} ended {common_pb2.RunState.Name(run.state)}: {run.error_message}"
    assert run.completed_updates == run.total_updates == 2 and run.base_model.name == stack.model_name
    assert [m.update for m in progress] == [1, 2] and all(math.isfinite(m.loss) and math.isfinite(m.kl) for m in progress)
    assert any(m.loss_tokens > 0 for m in progress), f"no update trained (every state's samples got equal rewards): {[str(m) for m in progress]}"
    # The last update is always exported and loaded into inference (export_every 0).
    assert run.latest_model.name == stack.model_name and run.latest_model.version.startswith(run.id)


# One caller per service of the stack. A caller's parameters after the stack name the module
# fixtures it builds on (the trainer trains on the coordinator's dataset version).
MAIN_RPCS: dict[str, Callable[..., None]] = {
    "tools": call_tools,
    "inference": call_inference,
    "learner": call_learner,
    "judge": call_judge,
    "coordinator": call_coordinator,
    "trainer": call_trainer,
}


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    described = os.environ.get("SWIRL_STACK_FILE")
    if described:
        yield Stack(json.loads(Path(described).read_text()))
        return
    problem = swirl_stack.missing_data()
    if problem:  # same rule as conftest.py: loud, and a skip only when asked for
        if os.environ.get("SWIRL_ALLOW_MISSING_DATA") == "1":
            pytest.skip(problem)
        pytest.fail(problem)
    with tempfile.TemporaryDirectory(prefix="swirl-stack-") as work, swirl_stack.running_stack(Path(work)) as services:
        yield Stack(swirl_stack.stack_description(services))


def test_every_service_of_the_stack_has_a_caller(stack: Stack) -> None:
    assert set(swirl_stack.SERVICES) == set(MAIN_RPCS), "swirl_stack.SERVICES and MAIN_RPCS must list the same services"
    assert set(stack.targets) == set(MAIN_RPCS), f"running {sorted(stack.targets)}, callers for {sorted(MAIN_RPCS)}"


@pytest.mark.parametrize("service", sorted(MAIN_RPCS))
def test_main_rpc(stack: Stack, service: str, request: pytest.FixtureRequest) -> None:
    assert service in stack.targets, f"{service} is not running in the stack"
    caller = MAIN_RPCS[service]
    needs = list(inspect.signature(caller).parameters)[1:]
    caller(stack, *(request.getfixturevalue(name) for name in needs))
