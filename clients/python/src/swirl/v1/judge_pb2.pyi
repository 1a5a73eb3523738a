from swirl.v1 import common_pb2 as _common_pb2
from swirl.v1 import trajectory_pb2 as _trajectory_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class FilterStrategy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FILTER_STRATEGY_UNSPECIFIED: _ClassVar[FilterStrategy]
    FILTER_STRATEGY_NONE: _ClassVar[FilterStrategy]
    FILTER_STRATEGY_PROCESS: _ClassVar[FilterStrategy]
    FILTER_STRATEGY_OUTCOME: _ClassVar[FilterStrategy]
    FILTER_STRATEGY_PROCESS_AND_OUTCOME: _ClassVar[FilterStrategy]

class RejectionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REJECTION_REASON_UNSPECIFIED: _ClassVar[RejectionReason]
    REJECTION_REASON_STEP_BAD: _ClassVar[RejectionReason]
    REJECTION_REASON_STEP_ABSTAIN: _ClassVar[RejectionReason]
    REJECTION_REASON_OUTCOME_WRONG: _ClassVar[RejectionReason]
    REJECTION_REASON_NO_FINAL_ANSWER: _ClassVar[RejectionReason]
    REJECTION_REASON_INCOMPLETE: _ClassVar[RejectionReason]

class JudgeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JUDGE_KIND_UNSPECIFIED: _ClassVar[JudgeKind]
    JUDGE_KIND_PROCESS: _ClassVar[JudgeKind]
    JUDGE_KIND_OUTCOME: _ClassVar[JudgeKind]

class JudgeBackend(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JUDGE_BACKEND_UNSPECIFIED: _ClassVar[JudgeBackend]
    JUDGE_BACKEND_RULES: _ClassVar[JudgeBackend]
    JUDGE_BACKEND_LLM: _ClassVar[JudgeBackend]
FILTER_STRATEGY_UNSPECIFIED: FilterStrategy
FILTER_STRATEGY_NONE: FilterStrategy
FILTER_STRATEGY_PROCESS: FilterStrategy
FILTER_STRATEGY_OUTCOME: FilterStrategy
FILTER_STRATEGY_PROCESS_AND_OUTCOME: FilterStrategy
REJECTION_REASON_UNSPECIFIED: RejectionReason
REJECTION_REASON_STEP_BAD: RejectionReason
REJECTION_REASON_STEP_ABSTAIN: RejectionReason
REJECTION_REASON_OUTCOME_WRONG: RejectionReason
REJECTION_REASON_NO_FINAL_ANSWER: RejectionReason
REJECTION_REASON_INCOMPLETE: RejectionReason
JUDGE_KIND_UNSPECIFIED: JudgeKind
JUDGE_KIND_PROCESS: JudgeKind
JUDGE_KIND_OUTCOME: JudgeKind
JUDGE_BACKEND_UNSPECIFIED: JudgeBackend
JUDGE_BACKEND_RULES: JudgeBackend
JUDGE_BACKEND_LLM: JudgeBackend

class JudgeStepsRequest(_message.Message):
    __slots__ = ("judge_id", "samples", "items", "bypass_cache", "judge_model")
    JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    BYPASS_CACHE_FIELD_NUMBER: _ClassVar[int]
    JUDGE_MODEL_FIELD_NUMBER: _ClassVar[int]
    judge_id: str
    samples: int
    items: _containers.RepeatedCompositeFieldContainer[StepJudgeItem]
    bypass_cache: bool
    judge_model: _common_pb2.ModelRef
    def __init__(self, judge_id: _Optional[str] = ..., samples: _Optional[int] = ..., items: _Optional[_Iterable[_Union[StepJudgeItem, _Mapping]]] = ..., bypass_cache: _Optional[bool] = ..., judge_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ...) -> None: ...

class StepJudgeItem(_message.Message):
    __slots__ = ("item_id", "prefix", "action_text", "task")
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    PREFIX_FIELD_NUMBER: _ClassVar[int]
    ACTION_TEXT_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    item_id: str
    prefix: _containers.RepeatedCompositeFieldContainer[_common_pb2.ChatMessage]
    action_text: str
    task: _common_pb2.Task
    def __init__(self, item_id: _Optional[str] = ..., prefix: _Optional[_Iterable[_Union[_common_pb2.ChatMessage, _Mapping]]] = ..., action_text: _Optional[str] = ..., task: _Optional[_Union[_common_pb2.Task, _Mapping]] = ...) -> None: ...

class StepJudgment(_message.Message):
    __slots__ = ("item_id", "verdict", "cache_hit")
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    CACHE_HIT_FIELD_NUMBER: _ClassVar[int]
    item_id: str
    verdict: _trajectory_pb2.Verdict
    cache_hit: bool
    def __init__(self, item_id: _Optional[str] = ..., verdict: _Optional[_Union[_trajectory_pb2.Verdict, _Mapping]] = ..., cache_hit: _Optional[bool] = ...) -> None: ...

class JudgeStepsResponse(_message.Message):
    __slots__ = ("judgments",)
    JUDGMENTS_FIELD_NUMBER: _ClassVar[int]
    judgments: _containers.RepeatedCompositeFieldContainer[StepJudgment]
    def __init__(self, judgments: _Optional[_Iterable[_Union[StepJudgment, _Mapping]]] = ...) -> None: ...

class JudgeOutcomeRequest(_message.Message):
    __slots__ = ("grader", "f1_threshold", "samples", "items", "grader_model", "bypass_cache")
    GRADER_FIELD_NUMBER: _ClassVar[int]
    F1_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    GRADER_MODEL_FIELD_NUMBER: _ClassVar[int]
    BYPASS_CACHE_FIELD_NUMBER: _ClassVar[int]
    grader: _trajectory_pb2.OutcomeGrader
    f1_threshold: float
    samples: int
    items: _containers.RepeatedCompositeFieldContainer[OutcomeJudgeItem]
    grader_model: _common_pb2.ModelRef
    bypass_cache: bool
    def __init__(self, grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., f1_threshold: _Optional[float] = ..., samples: _Optional[int] = ..., items: _Optional[_Iterable[_Union[OutcomeJudgeItem, _Mapping]]] = ..., grader_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., bypass_cache: _Optional[bool] = ...) -> None: ...

class OutcomeJudgeItem(_message.Message):
    __slots__ = ("item_id", "predicted_answer", "gold_answers", "question", "family")
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_ANSWER_FIELD_NUMBER: _ClassVar[int]
    GOLD_ANSWERS_FIELD_NUMBER: _ClassVar[int]
    QUESTION_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    item_id: str
    predicted_answer: str
    gold_answers: _containers.RepeatedScalarFieldContainer[str]
    question: str
    family: _common_pb2.TaskFamily
    def __init__(self, item_id: _Optional[str] = ..., predicted_answer: _Optional[str] = ..., gold_answers: _Optional[_Iterable[str]] = ..., question: _Optional[str] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ...) -> None: ...

class OutcomeJudgment(_message.Message):
    __slots__ = ("item_id", "verdict", "cache_hit")
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    CACHE_HIT_FIELD_NUMBER: _ClassVar[int]
    item_id: str
    verdict: _trajectory_pb2.OutcomeVerdict
    cache_hit: bool
    def __init__(self, item_id: _Optional[str] = ..., verdict: _Optional[_Union[_trajectory_pb2.OutcomeVerdict, _Mapping]] = ..., cache_hit: _Optional[bool] = ...) -> None: ...

class JudgeOutcomeResponse(_message.Message):
    __slots__ = ("judgments",)
    JUDGMENTS_FIELD_NUMBER: _ClassVar[int]
    judgments: _containers.RepeatedCompositeFieldContainer[OutcomeJudgment]
    def __init__(self, judgments: _Optional[_Iterable[_Union[OutcomeJudgment, _Mapping]]] = ...) -> None: ...

class TrajectoryList(_message.Message):
    __slots__ = ("trajectories",)
    TRAJECTORIES_FIELD_NUMBER: _ClassVar[int]
    trajectories: _containers.RepeatedCompositeFieldContainer[_trajectory_pb2.Trajectory]
    def __init__(self, trajectories: _Optional[_Iterable[_Union[_trajectory_pb2.Trajectory, _Mapping]]] = ...) -> None: ...

class TrajectoryIdList(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...

class FilterRequest(_message.Message):
    __slots__ = ("strategy", "trajectories", "trajectory_ids", "process_judge_id", "samples", "outcome_grader", "use_stored_verdicts", "omit_examples", "return_verdicts")
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORIES_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORY_IDS_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_GRADER_FIELD_NUMBER: _ClassVar[int]
    USE_STORED_VERDICTS_FIELD_NUMBER: _ClassVar[int]
    OMIT_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    RETURN_VERDICTS_FIELD_NUMBER: _ClassVar[int]
    strategy: FilterStrategy
    trajectories: TrajectoryList
    trajectory_ids: TrajectoryIdList
    process_judge_id: str
    samples: int
    outcome_grader: _trajectory_pb2.OutcomeGrader
    use_stored_verdicts: bool
    omit_examples: bool
    return_verdicts: bool
    def __init__(self, strategy: _Optional[_Union[FilterStrategy, str]] = ..., trajectories: _Optional[_Union[TrajectoryList, _Mapping]] = ..., trajectory_ids: _Optional[_Union[TrajectoryIdList, _Mapping]] = ..., process_judge_id: _Optional[str] = ..., samples: _Optional[int] = ..., outcome_grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., use_stored_verdicts: _Optional[bool] = ..., omit_examples: _Optional[bool] = ..., return_verdicts: _Optional[bool] = ...) -> None: ...

class FilterDecision(_message.Message):
    __slots__ = ("trajectory_id", "kept", "reasons", "bad_step_indices", "detail")
    TRAJECTORY_ID_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    BAD_STEP_INDICES_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    trajectory_id: str
    kept: bool
    reasons: _containers.RepeatedScalarFieldContainer[RejectionReason]
    bad_step_indices: _containers.RepeatedScalarFieldContainer[int]
    detail: str
    def __init__(self, trajectory_id: _Optional[str] = ..., kept: _Optional[bool] = ..., reasons: _Optional[_Iterable[_Union[RejectionReason, str]]] = ..., bad_step_indices: _Optional[_Iterable[int]] = ..., detail: _Optional[str] = ...) -> None: ...

class StepVerdictRecord(_message.Message):
    __slots__ = ("trajectory_id", "step_index", "verdict")
    TRAJECTORY_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_INDEX_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    trajectory_id: str
    step_index: int
    verdict: _trajectory_pb2.Verdict
    def __init__(self, trajectory_id: _Optional[str] = ..., step_index: _Optional[int] = ..., verdict: _Optional[_Union[_trajectory_pb2.Verdict, _Mapping]] = ...) -> None: ...

class OutcomeVerdictRecord(_message.Message):
    __slots__ = ("trajectory_id", "verdict")
    TRAJECTORY_ID_FIELD_NUMBER: _ClassVar[int]
    VERDICT_FIELD_NUMBER: _ClassVar[int]
    trajectory_id: str
    verdict: _trajectory_pb2.OutcomeVerdict
    def __init__(self, trajectory_id: _Optional[str] = ..., verdict: _Optional[_Union[_trajectory_pb2.OutcomeVerdict, _Mapping]] = ...) -> None: ...

class FilterStats(_message.Message):
    __slots__ = ("trajectories_in", "trajectories_kept", "steps_in", "steps_kept", "step_good_rate", "outcome_yes_rate")
    TRAJECTORIES_IN_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORIES_KEPT_FIELD_NUMBER: _ClassVar[int]
    STEPS_IN_FIELD_NUMBER: _ClassVar[int]
    STEPS_KEPT_FIELD_NUMBER: _ClassVar[int]
    STEP_GOOD_RATE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_YES_RATE_FIELD_NUMBER: _ClassVar[int]
    trajectories_in: int
    trajectories_kept: int
    steps_in: int
    steps_kept: int
    step_good_rate: float
    outcome_yes_rate: float
    def __init__(self, trajectories_in: _Optional[int] = ..., trajectories_kept: _Optional[int] = ..., steps_in: _Optional[int] = ..., steps_kept: _Optional[int] = ..., step_good_rate: _Optional[float] = ..., outcome_yes_rate: _Optional[float] = ...) -> None: ...

class FilterResponse(_message.Message):
    __slots__ = ("decisions", "examples", "step_verdicts", "outcome_verdicts", "stats")
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    STEP_VERDICTS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_VERDICTS_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    decisions: _containers.RepeatedCompositeFieldContainer[FilterDecision]
    examples: _containers.RepeatedCompositeFieldContainer[_trajectory_pb2.StepExample]
    step_verdicts: _containers.RepeatedCompositeFieldContainer[StepVerdictRecord]
    outcome_verdicts: _containers.RepeatedCompositeFieldContainer[OutcomeVerdictRecord]
    stats: FilterStats
    def __init__(self, decisions: _Optional[_Iterable[_Union[FilterDecision, _Mapping]]] = ..., examples: _Optional[_Iterable[_Union[_trajectory_pb2.StepExample, _Mapping]]] = ..., step_verdicts: _Optional[_Iterable[_Union[StepVerdictRecord, _Mapping]]] = ..., outcome_verdicts: _Optional[_Iterable[_Union[OutcomeVerdictRecord, _Mapping]]] = ..., stats: _Optional[_Union[FilterStats, _Mapping]] = ...) -> None: ...

class JudgeInfo(_message.Message):
    __slots__ = ("id", "version", "kind", "backend", "grader", "model", "default_samples", "is_default", "description")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    GRADER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_SAMPLES_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: str
    kind: JudgeKind
    backend: JudgeBackend
    grader: _trajectory_pb2.OutcomeGrader
    model: _common_pb2.ModelRef
    default_samples: int
    is_default: bool
    description: str
    def __init__(self, id: _Optional[str] = ..., version: _Optional[str] = ..., kind: _Optional[_Union[JudgeKind, str]] = ..., backend: _Optional[_Union[JudgeBackend, str]] = ..., grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., default_samples: _Optional[int] = ..., is_default: _Optional[bool] = ..., description: _Optional[str] = ...) -> None: ...

class ListJudgesRequest(_message.Message):
    __slots__ = ("kind",)
    KIND_FIELD_NUMBER: _ClassVar[int]
    kind: JudgeKind
    def __init__(self, kind: _Optional[_Union[JudgeKind, str]] = ...) -> None: ...

class ListJudgesResponse(_message.Message):
    __slots__ = ("judges",)
    JUDGES_FIELD_NUMBER: _ClassVar[int]
    judges: _containers.RepeatedCompositeFieldContainer[JudgeInfo]
    def __init__(self, judges: _Optional[_Iterable[_Union[JudgeInfo, _Mapping]]] = ...) -> None: ...
