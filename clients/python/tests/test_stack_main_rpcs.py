"""A Python client calls the main RPC of every service of the running stack.

The stack is the one described by SWIRL_STACK_FILE (tools/ci/stack-metrics.sh starts it, with
Prometheus scraping it), or else one this module starts itself (tools/ci/stack/swirl_stack.py).
The set of services is explicit: every service of the stack needs a caller in MAIN_RPCS and
every caller needs its service running, otherwise the test fails (nothing is skipped).
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import grpc
import pytest
from google.protobuf import struct_pb2

from swirl.v1 import common_pb2, inference_pb2, inference_pb2_grpc, judge_pb2, judge_pb2_grpc, learner_pb2, learner_pb2_grpc, tools_pb2, tools_pb2_grpc, trajectory_pb2
from swirl_client import open_channel

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tools" / "ci" / "stack"))
import swirl_stack  # noqa: E402


class Stack:
    def __init__(self, description: dict[str, object]) -> None:
        services = description["services"]
        model = description["model"]
        assert isinstance(services, dict) and isinstance(model, dict)
        self.targets: dict[str, str] = {name: s["target"] for name, s in services.items()}
        self.model_name: str = model["name"]
        self.model_dir = Path(model["dir"])

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
    stub.Init(learner_pb2.InitRequest(
        request_id="stack-init", run_id="stack-check", model=learner_pb2.ModelSource(config=model),
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


# One caller per service of the stack (add the coordinator and trainer here when they join it).
MAIN_RPCS: dict[str, Callable[[Stack], None]] = {
    "tools": call_tools,
    "inference": call_inference,
    "learner": call_learner,
    "judge": call_judge,
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
        yield Stack(swirl_stack.stack_description(services, swirl_stack.tiny_model_dir()))


def test_every_service_of_the_stack_has_a_caller(stack: Stack) -> None:
    assert set(swirl_stack.SERVICES) == set(MAIN_RPCS), "swirl_stack.SERVICES and MAIN_RPCS must list the same services"
    assert set(stack.targets) == set(MAIN_RPCS), f"running {sorted(stack.targets)}, callers for {sorted(MAIN_RPCS)}"


@pytest.mark.parametrize("service", sorted(MAIN_RPCS))
def test_main_rpc(stack: Stack, service: str) -> None:
    assert service in stack.targets, f"{service} is not running in the stack"
    MAIN_RPCS[service](stack)
