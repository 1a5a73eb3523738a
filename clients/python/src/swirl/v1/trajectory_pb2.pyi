import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from swirl.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ToolResultStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TOOL_RESULT_STATUS_UNSPECIFIED: _ClassVar[ToolResultStatus]
    TOOL_RESULT_STATUS_OK: _ClassVar[ToolResultStatus]
    TOOL_RESULT_STATUS_TOOL_ERROR: _ClassVar[ToolResultStatus]
    TOOL_RESULT_STATUS_TIMEOUT: _ClassVar[ToolResultStatus]

class ActionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACTION_KIND_UNSPECIFIED: _ClassVar[ActionKind]
    ACTION_KIND_TOOL_CALL: _ClassVar[ActionKind]
    ACTION_KIND_FINAL_ANSWER: _ClassVar[ActionKind]
    ACTION_KIND_MALFORMED: _ClassVar[ActionKind]

class TrajectoryFinishReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAJECTORY_FINISH_REASON_UNSPECIFIED: _ClassVar[TrajectoryFinishReason]
    TRAJECTORY_FINISH_REASON_ANSWERED: _ClassVar[TrajectoryFinishReason]
    TRAJECTORY_FINISH_REASON_STEP_CAP: _ClassVar[TrajectoryFinishReason]
    TRAJECTORY_FINISH_REASON_MALFORMED_ACTION: _ClassVar[TrajectoryFinishReason]
    TRAJECTORY_FINISH_REASON_CONTEXT_LENGTH: _ClassVar[TrajectoryFinishReason]
    TRAJECTORY_FINISH_REASON_ERROR: _ClassVar[TrajectoryFinishReason]
    TRAJECTORY_FINISH_REASON_CANCELLED: _ClassVar[TrajectoryFinishReason]

class VerdictLabel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VERDICT_LABEL_UNSPECIFIED: _ClassVar[VerdictLabel]
    VERDICT_LABEL_GOOD: _ClassVar[VerdictLabel]
    VERDICT_LABEL_BAD: _ClassVar[VerdictLabel]
    VERDICT_LABEL_ABSTAIN: _ClassVar[VerdictLabel]

class OutcomeLabel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTCOME_LABEL_UNSPECIFIED: _ClassVar[OutcomeLabel]
    OUTCOME_LABEL_YES: _ClassVar[OutcomeLabel]
    OUTCOME_LABEL_NO: _ClassVar[OutcomeLabel]

class OutcomeGrader(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OUTCOME_GRADER_UNSPECIFIED: _ClassVar[OutcomeGrader]
    OUTCOME_GRADER_EXACT_MATCH: _ClassVar[OutcomeGrader]
    OUTCOME_GRADER_TOKEN_F1: _ClassVar[OutcomeGrader]
    OUTCOME_GRADER_NUMERIC: _ClassVar[OutcomeGrader]
    OUTCOME_GRADER_LLM: _ClassVar[OutcomeGrader]
TOOL_RESULT_STATUS_UNSPECIFIED: ToolResultStatus
TOOL_RESULT_STATUS_OK: ToolResultStatus
TOOL_RESULT_STATUS_TOOL_ERROR: ToolResultStatus
TOOL_RESULT_STATUS_TIMEOUT: ToolResultStatus
ACTION_KIND_UNSPECIFIED: ActionKind
ACTION_KIND_TOOL_CALL: ActionKind
ACTION_KIND_FINAL_ANSWER: ActionKind
ACTION_KIND_MALFORMED: ActionKind
TRAJECTORY_FINISH_REASON_UNSPECIFIED: TrajectoryFinishReason
TRAJECTORY_FINISH_REASON_ANSWERED: TrajectoryFinishReason
TRAJECTORY_FINISH_REASON_STEP_CAP: TrajectoryFinishReason
TRAJECTORY_FINISH_REASON_MALFORMED_ACTION: TrajectoryFinishReason
TRAJECTORY_FINISH_REASON_CONTEXT_LENGTH: TrajectoryFinishReason
TRAJECTORY_FINISH_REASON_ERROR: TrajectoryFinishReason
TRAJECTORY_FINISH_REASON_CANCELLED: TrajectoryFinishReason
VERDICT_LABEL_UNSPECIFIED: VerdictLabel
VERDICT_LABEL_GOOD: VerdictLabel
VERDICT_LABEL_BAD: VerdictLabel
VERDICT_LABEL_ABSTAIN: VerdictLabel
OUTCOME_LABEL_UNSPECIFIED: OutcomeLabel
OUTCOME_LABEL_YES: OutcomeLabel
OUTCOME_LABEL_NO: OutcomeLabel
OUTCOME_GRADER_UNSPECIFIED: OutcomeGrader
OUTCOME_GRADER_EXACT_MATCH: OutcomeGrader
OUTCOME_GRADER_TOKEN_F1: OutcomeGrader
OUTCOME_GRADER_NUMERIC: OutcomeGrader
OUTCOME_GRADER_LLM: OutcomeGrader

class ToolCall(_message.Message):
    __slots__ = ("tool_name", "arguments", "call_id")
    TOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    ARGUMENTS_FIELD_NUMBER: _ClassVar[int]
    CALL_ID_FIELD_NUMBER: _ClassVar[int]
    tool_name: str
    arguments: _struct_pb2.Struct
    call_id: str
    def __init__(self, tool_name: _Optional[str] = ..., arguments: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., call_id: _Optional[str] = ...) -> None: ...

class ToolResult(_message.Message):
    __slots__ = ("tool_name", "call_id", "status", "output", "observation", "error_message", "truncated", "elapsed", "calculator", "search")
    TOOL_NAME_FIELD_NUMBER: _ClassVar[int]
    CALL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    OBSERVATION_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_FIELD_NUMBER: _ClassVar[int]
    CALCULATOR_FIELD_NUMBER: _ClassVar[int]
    SEARCH_FIELD_NUMBER: _ClassVar[int]
    tool_name: str
    call_id: str
    status: ToolResultStatus
    output: str
    observation: str
    error_message: str
    truncated: bool
    elapsed: _duration_pb2.Duration
    calculator: CalculatorDetail
    search: SearchDetail
    def __init__(self, tool_name: _Optional[str] = ..., call_id: _Optional[str] = ..., status: _Optional[_Union[ToolResultStatus, str]] = ..., output: _Optional[str] = ..., observation: _Optional[str] = ..., error_message: _Optional[str] = ..., truncated: _Optional[bool] = ..., elapsed: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., calculator: _Optional[_Union[CalculatorDetail, _Mapping]] = ..., search: _Optional[_Union[SearchDetail, _Mapping]] = ...) -> None: ...

class CalculatorDetail(_message.Message):
    __slots__ = ("value_text", "exact", "fraction", "error_code")
    VALUE_TEXT_FIELD_NUMBER: _ClassVar[int]
    EXACT_FIELD_NUMBER: _ClassVar[int]
    FRACTION_FIELD_NUMBER: _ClassVar[int]
    ERROR_CODE_FIELD_NUMBER: _ClassVar[int]
    value_text: str
    exact: bool
    fraction: str
    error_code: str
    def __init__(self, value_text: _Optional[str] = ..., exact: _Optional[bool] = ..., fraction: _Optional[str] = ..., error_code: _Optional[str] = ...) -> None: ...

class SearchDetail(_message.Message):
    __slots__ = ("corpus", "hits")
    CORPUS_FIELD_NUMBER: _ClassVar[int]
    HITS_FIELD_NUMBER: _ClassVar[int]
    corpus: str
    hits: _containers.RepeatedCompositeFieldContainer[SearchHit]
    def __init__(self, corpus: _Optional[str] = ..., hits: _Optional[_Iterable[_Union[SearchHit, _Mapping]]] = ...) -> None: ...

class SearchHit(_message.Message):
    __slots__ = ("doc_id", "title", "snippet", "score", "rank")
    DOC_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SNIPPET_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    RANK_FIELD_NUMBER: _ClassVar[int]
    doc_id: str
    title: str
    snippet: str
    score: float
    rank: int
    def __init__(self, doc_id: _Optional[str] = ..., title: _Optional[str] = ..., snippet: _Optional[str] = ..., score: _Optional[float] = ..., rank: _Optional[int] = ...) -> None: ...

class Action(_message.Message):
    __slots__ = ("kind", "raw_text", "reasoning", "tool_call", "answer", "parse_error")
    KIND_FIELD_NUMBER: _ClassVar[int]
    RAW_TEXT_FIELD_NUMBER: _ClassVar[int]
    REASONING_FIELD_NUMBER: _ClassVar[int]
    TOOL_CALL_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    PARSE_ERROR_FIELD_NUMBER: _ClassVar[int]
    kind: ActionKind
    raw_text: str
    reasoning: str
    tool_call: ToolCall
    answer: str
    parse_error: str
    def __init__(self, kind: _Optional[_Union[ActionKind, str]] = ..., raw_text: _Optional[str] = ..., reasoning: _Optional[str] = ..., tool_call: _Optional[_Union[ToolCall, _Mapping]] = ..., answer: _Optional[str] = ..., parse_error: _Optional[str] = ...) -> None: ...

class PrefixRef(_message.Message):
    __slots__ = ("hash", "message_count", "token_count", "token_ids")
    HASH_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOKEN_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    hash: str
    message_count: int
    token_count: int
    token_ids: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, hash: _Optional[str] = ..., message_count: _Optional[int] = ..., token_count: _Optional[int] = ..., token_ids: _Optional[_Iterable[int]] = ...) -> None: ...

class StepTimings(_message.Message):
    __slots__ = ("start_time", "generation", "tool", "total")
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    TOOL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    start_time: _timestamp_pb2.Timestamp
    generation: _common_pb2.GenerationTimings
    tool: _duration_pb2.Duration
    total: _duration_pb2.Duration
    def __init__(self, start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., generation: _Optional[_Union[_common_pb2.GenerationTimings, _Mapping]] = ..., tool: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., total: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class Step(_message.Message):
    __slots__ = ("index", "prefix", "action", "action_token_ids", "action_logprobs", "model", "prompt_version", "tool_result", "observation", "finish_reason", "timings", "verdicts", "seed")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ACTION_TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTION_LOGPROBS_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    TOOL_RESULT_FIELD_NUMBER: _ClassVar[int]
    OBSERVATION_FIELD_NUMBER: _ClassVar[int]
    FINISH_REASON_FIELD_NUMBER: _ClassVar[int]
    TIMINGS_FIELD_NUMBER: _ClassVar[int]
    VERDICTS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    index: int
    prefix: PrefixRef
    action: Action
    action_token_ids: _containers.RepeatedScalarFieldContainer[int]
    action_logprobs: _containers.RepeatedScalarFieldContainer[float]
    model: _common_pb2.ModelRef
    prompt_version: str
    tool_result: ToolResult
    observation: str
    finish_reason: _common_pb2.FinishReason
    timings: StepTimings
    verdicts: _containers.RepeatedCompositeFieldContainer[Verdict]
    seed: int
    def __init__(self, index: _Optional[int] = ..., prefix: _Optional[_Union[PrefixRef, _Mapping]] = ..., action: _Optional[_Union[Action, _Mapping]] = ..., action_token_ids: _Optional[_Iterable[int]] = ..., action_logprobs: _Optional[_Iterable[float]] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., prompt_version: _Optional[str] = ..., tool_result: _Optional[_Union[ToolResult, _Mapping]] = ..., observation: _Optional[str] = ..., finish_reason: _Optional[_Union[_common_pb2.FinishReason, str]] = ..., timings: _Optional[_Union[StepTimings, _Mapping]] = ..., verdicts: _Optional[_Iterable[_Union[Verdict, _Mapping]]] = ..., seed: _Optional[int] = ...) -> None: ...

class Trajectory(_message.Message):
    __slots__ = ("id", "task", "prompt", "steps", "finish_reason", "sampling", "model", "prompt_version", "job_id", "sample_index", "final_answer", "outcome_verdicts", "max_steps", "create_time", "elapsed", "error_message")
    ID_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    FINISH_REASON_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_INDEX_FIELD_NUMBER: _ClassVar[int]
    FINAL_ANSWER_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_VERDICTS_FIELD_NUMBER: _ClassVar[int]
    MAX_STEPS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    task: _common_pb2.Task
    prompt: _containers.RepeatedCompositeFieldContainer[_common_pb2.ChatMessage]
    steps: _containers.RepeatedCompositeFieldContainer[Step]
    finish_reason: TrajectoryFinishReason
    sampling: _common_pb2.SamplingParams
    model: _common_pb2.ModelRef
    prompt_version: str
    job_id: str
    sample_index: int
    final_answer: str
    outcome_verdicts: _containers.RepeatedCompositeFieldContainer[OutcomeVerdict]
    max_steps: int
    create_time: _timestamp_pb2.Timestamp
    elapsed: _duration_pb2.Duration
    error_message: str
    def __init__(self, id: _Optional[str] = ..., task: _Optional[_Union[_common_pb2.Task, _Mapping]] = ..., prompt: _Optional[_Iterable[_Union[_common_pb2.ChatMessage, _Mapping]]] = ..., steps: _Optional[_Iterable[_Union[Step, _Mapping]]] = ..., finish_reason: _Optional[_Union[TrajectoryFinishReason, str]] = ..., sampling: _Optional[_Union[_common_pb2.SamplingParams, _Mapping]] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., prompt_version: _Optional[str] = ..., job_id: _Optional[str] = ..., sample_index: _Optional[int] = ..., final_answer: _Optional[str] = ..., outcome_verdicts: _Optional[_Iterable[_Union[OutcomeVerdict, _Mapping]]] = ..., max_steps: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., elapsed: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., error_message: _Optional[str] = ...) -> None: ...

class Verdict(_message.Message):
    __slots__ = ("label", "score", "rationale", "judge_id", "judge_version", "votes", "good_votes", "judge_model", "create_time")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    RATIONALE_FIELD_NUMBER: _ClassVar[int]
    JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    JUDGE_VERSION_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    GOOD_VOTES_FIELD_NUMBER: _ClassVar[int]
    JUDGE_MODEL_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    label: VerdictLabel
    score: float
    rationale: str
    judge_id: str
    judge_version: str
    votes: int
    good_votes: int
    judge_model: _common_pb2.ModelRef
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, label: _Optional[_Union[VerdictLabel, str]] = ..., score: _Optional[float] = ..., rationale: _Optional[str] = ..., judge_id: _Optional[str] = ..., judge_version: _Optional[str] = ..., votes: _Optional[int] = ..., good_votes: _Optional[int] = ..., judge_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OutcomeVerdict(_message.Message):
    __slots__ = ("label", "score", "f1", "precision", "recall", "exact_match", "predicted_answer", "matched_gold_answer", "rationale", "grader", "grader_version", "grader_model", "create_time")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    F1_FIELD_NUMBER: _ClassVar[int]
    PRECISION_FIELD_NUMBER: _ClassVar[int]
    RECALL_FIELD_NUMBER: _ClassVar[int]
    EXACT_MATCH_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_ANSWER_FIELD_NUMBER: _ClassVar[int]
    MATCHED_GOLD_ANSWER_FIELD_NUMBER: _ClassVar[int]
    RATIONALE_FIELD_NUMBER: _ClassVar[int]
    GRADER_FIELD_NUMBER: _ClassVar[int]
    GRADER_VERSION_FIELD_NUMBER: _ClassVar[int]
    GRADER_MODEL_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    label: OutcomeLabel
    score: float
    f1: float
    precision: float
    recall: float
    exact_match: bool
    predicted_answer: str
    matched_gold_answer: str
    rationale: str
    grader: OutcomeGrader
    grader_version: str
    grader_model: _common_pb2.ModelRef
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, label: _Optional[_Union[OutcomeLabel, str]] = ..., score: _Optional[float] = ..., f1: _Optional[float] = ..., precision: _Optional[float] = ..., recall: _Optional[float] = ..., exact_match: _Optional[bool] = ..., predicted_answer: _Optional[str] = ..., matched_gold_answer: _Optional[str] = ..., rationale: _Optional[str] = ..., grader: _Optional[_Union[OutcomeGrader, str]] = ..., grader_version: _Optional[str] = ..., grader_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StepExample(_message.Message):
    __slots__ = ("id", "trajectory_id", "step_index", "task_id", "family", "state", "state_token_ids", "action", "action_token_ids", "action_logprobs", "model", "prompt_version", "prefix_hash", "verdicts")
    ID_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORY_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_INDEX_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    STATE_TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ACTION_TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTION_LOGPROBS_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    PREFIX_HASH_FIELD_NUMBER: _ClassVar[int]
    VERDICTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    trajectory_id: str
    step_index: int
    task_id: str
    family: _common_pb2.TaskFamily
    state: _containers.RepeatedCompositeFieldContainer[_common_pb2.ChatMessage]
    state_token_ids: _containers.RepeatedScalarFieldContainer[int]
    action: Action
    action_token_ids: _containers.RepeatedScalarFieldContainer[int]
    action_logprobs: _containers.RepeatedScalarFieldContainer[float]
    model: _common_pb2.ModelRef
    prompt_version: str
    prefix_hash: str
    verdicts: _containers.RepeatedCompositeFieldContainer[Verdict]
    def __init__(self, id: _Optional[str] = ..., trajectory_id: _Optional[str] = ..., step_index: _Optional[int] = ..., task_id: _Optional[str] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ..., state: _Optional[_Iterable[_Union[_common_pb2.ChatMessage, _Mapping]]] = ..., state_token_ids: _Optional[_Iterable[int]] = ..., action: _Optional[_Union[Action, _Mapping]] = ..., action_token_ids: _Optional[_Iterable[int]] = ..., action_logprobs: _Optional[_Iterable[float]] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., prompt_version: _Optional[str] = ..., prefix_hash: _Optional[str] = ..., verdicts: _Optional[_Iterable[_Union[Verdict, _Mapping]]] = ...) -> None: ...
