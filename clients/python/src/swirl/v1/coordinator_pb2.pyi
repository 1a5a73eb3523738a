import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from swirl.v1 import common_pb2 as _common_pb2
from swirl.v1 import judge_pb2 as _judge_pb2
from swirl.v1 import trainer_pb2 as _trainer_pb2
from swirl.v1 import trajectory_pb2 as _trajectory_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_KIND_UNSPECIFIED: _ClassVar[JobKind]
    JOB_KIND_SYNTHESIZE: _ClassVar[JobKind]
    JOB_KIND_JUDGE: _ClassVar[JobKind]
    JOB_KIND_FILTER: _ClassVar[JobKind]
    JOB_KIND_EVALUATE: _ClassVar[JobKind]
    JOB_KIND_PIPELINE: _ClassVar[JobKind]
    JOB_KIND_TRAIN: _ClassVar[JobKind]

class TrajectoryView(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAJECTORY_VIEW_UNSPECIFIED: _ClassVar[TrajectoryView]
    TRAJECTORY_VIEW_BASIC: _ClassVar[TrajectoryView]
    TRAJECTORY_VIEW_FULL: _ClassVar[TrajectoryView]
JOB_KIND_UNSPECIFIED: JobKind
JOB_KIND_SYNTHESIZE: JobKind
JOB_KIND_JUDGE: JobKind
JOB_KIND_FILTER: JobKind
JOB_KIND_EVALUATE: JobKind
JOB_KIND_PIPELINE: JobKind
JOB_KIND_TRAIN: JobKind
TRAJECTORY_VIEW_UNSPECIFIED: TrajectoryView
TRAJECTORY_VIEW_BASIC: TrajectoryView
TRAJECTORY_VIEW_FULL: TrajectoryView

class SyntheticWorldTasks(_message.Message):
    __slots__ = ("seed", "split", "count", "family")
    SEED_FIELD_NUMBER: _ClassVar[int]
    SPLIT_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    seed: int
    split: str
    count: int
    family: _common_pb2.TaskFamily
    def __init__(self, seed: _Optional[int] = ..., split: _Optional[str] = ..., count: _Optional[int] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ...) -> None: ...

class BenchmarkTasks(_message.Message):
    __slots__ = ("split",)
    SPLIT_FIELD_NUMBER: _ClassVar[int]
    split: str
    def __init__(self, split: _Optional[str] = ...) -> None: ...

class JsonlTasks(_message.Message):
    __slots__ = ("path", "family", "dataset", "corpus")
    PATH_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    DATASET_FIELD_NUMBER: _ClassVar[int]
    CORPUS_FIELD_NUMBER: _ClassVar[int]
    path: str
    family: _common_pb2.TaskFamily
    dataset: str
    corpus: str
    def __init__(self, path: _Optional[str] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ..., dataset: _Optional[str] = ..., corpus: _Optional[str] = ...) -> None: ...

class TaskSource(_message.Message):
    __slots__ = ("synthetic_world", "gsm8k", "hotpotqa", "musique", "jsonl", "limit", "offset", "shuffle_seed")
    SYNTHETIC_WORLD_FIELD_NUMBER: _ClassVar[int]
    GSM8K_FIELD_NUMBER: _ClassVar[int]
    HOTPOTQA_FIELD_NUMBER: _ClassVar[int]
    MUSIQUE_FIELD_NUMBER: _ClassVar[int]
    JSONL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    SHUFFLE_SEED_FIELD_NUMBER: _ClassVar[int]
    synthetic_world: SyntheticWorldTasks
    gsm8k: BenchmarkTasks
    hotpotqa: BenchmarkTasks
    musique: BenchmarkTasks
    jsonl: JsonlTasks
    limit: int
    offset: int
    shuffle_seed: int
    def __init__(self, synthetic_world: _Optional[_Union[SyntheticWorldTasks, _Mapping]] = ..., gsm8k: _Optional[_Union[BenchmarkTasks, _Mapping]] = ..., hotpotqa: _Optional[_Union[BenchmarkTasks, _Mapping]] = ..., musique: _Optional[_Union[BenchmarkTasks, _Mapping]] = ..., jsonl: _Optional[_Union[JsonlTasks, _Mapping]] = ..., limit: _Optional[int] = ..., offset: _Optional[int] = ..., shuffle_seed: _Optional[int] = ...) -> None: ...

class StepCaps(_message.Message):
    __slots__ = ("multi_hop_qa", "math")
    MULTI_HOP_QA_FIELD_NUMBER: _ClassVar[int]
    MATH_FIELD_NUMBER: _ClassVar[int]
    multi_hop_qa: int
    math: int
    def __init__(self, multi_hop_qa: _Optional[int] = ..., math: _Optional[int] = ...) -> None: ...

class SynthesizeSpec(_message.Message):
    __slots__ = ("tasks", "samples_per_task", "step_caps", "sampling", "policy", "prompt_version", "concurrency", "tool_timeout", "omit_prefix_token_ids")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_PER_TASK_FIELD_NUMBER: _ClassVar[int]
    STEP_CAPS_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    TOOL_TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    OMIT_PREFIX_TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    tasks: TaskSource
    samples_per_task: int
    step_caps: StepCaps
    sampling: _common_pb2.SamplingParams
    policy: _common_pb2.ModelRef
    prompt_version: str
    concurrency: int
    tool_timeout: _duration_pb2.Duration
    omit_prefix_token_ids: bool
    def __init__(self, tasks: _Optional[_Union[TaskSource, _Mapping]] = ..., samples_per_task: _Optional[int] = ..., step_caps: _Optional[_Union[StepCaps, _Mapping]] = ..., sampling: _Optional[_Union[_common_pb2.SamplingParams, _Mapping]] = ..., policy: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., prompt_version: _Optional[str] = ..., concurrency: _Optional[int] = ..., tool_timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., omit_prefix_token_ids: _Optional[bool] = ...) -> None: ...

class TrajectorySelector(_message.Message):
    __slots__ = ("job_ids", "trajectory_ids", "dataset_version_id", "family")
    JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORY_IDS_FIELD_NUMBER: _ClassVar[int]
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    job_ids: _containers.RepeatedScalarFieldContainer[str]
    trajectory_ids: _containers.RepeatedScalarFieldContainer[str]
    dataset_version_id: str
    family: _common_pb2.TaskFamily
    def __init__(self, job_ids: _Optional[_Iterable[str]] = ..., trajectory_ids: _Optional[_Iterable[str]] = ..., dataset_version_id: _Optional[str] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ...) -> None: ...

class JudgeSpec(_message.Message):
    __slots__ = ("trajectories", "process", "outcome", "process_judge_id", "samples", "outcome_grader", "rejudge")
    TRAJECTORIES_FIELD_NUMBER: _ClassVar[int]
    PROCESS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_GRADER_FIELD_NUMBER: _ClassVar[int]
    REJUDGE_FIELD_NUMBER: _ClassVar[int]
    trajectories: TrajectorySelector
    process: bool
    outcome: bool
    process_judge_id: str
    samples: int
    outcome_grader: _trajectory_pb2.OutcomeGrader
    rejudge: bool
    def __init__(self, trajectories: _Optional[_Union[TrajectorySelector, _Mapping]] = ..., process: _Optional[bool] = ..., outcome: _Optional[bool] = ..., process_judge_id: _Optional[str] = ..., samples: _Optional[int] = ..., outcome_grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., rejudge: _Optional[bool] = ...) -> None: ...

class FilterSpec(_message.Message):
    __slots__ = ("trajectories", "strategy", "process_judge_id", "samples", "outcome_grader", "rejudge", "dataset_name")
    TRAJECTORIES_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_GRADER_FIELD_NUMBER: _ClassVar[int]
    REJUDGE_FIELD_NUMBER: _ClassVar[int]
    DATASET_NAME_FIELD_NUMBER: _ClassVar[int]
    trajectories: TrajectorySelector
    strategy: _judge_pb2.FilterStrategy
    process_judge_id: str
    samples: int
    outcome_grader: _trajectory_pb2.OutcomeGrader
    rejudge: bool
    dataset_name: str
    def __init__(self, trajectories: _Optional[_Union[TrajectorySelector, _Mapping]] = ..., strategy: _Optional[_Union[_judge_pb2.FilterStrategy, str]] = ..., process_judge_id: _Optional[str] = ..., samples: _Optional[int] = ..., outcome_grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., rejudge: _Optional[bool] = ..., dataset_name: _Optional[str] = ...) -> None: ...

class EvaluateSpec(_message.Message):
    __slots__ = ("tasks", "models", "sampling", "samples_per_task", "step_caps", "grader", "process_judge_id", "skip_process_labels", "confidence_z", "report_dir", "prompt_version", "concurrency")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    MODELS_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_PER_TASK_FIELD_NUMBER: _ClassVar[int]
    STEP_CAPS_FIELD_NUMBER: _ClassVar[int]
    GRADER_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    SKIP_PROCESS_LABELS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_Z_FIELD_NUMBER: _ClassVar[int]
    REPORT_DIR_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONCURRENCY_FIELD_NUMBER: _ClassVar[int]
    tasks: TaskSource
    models: _containers.RepeatedCompositeFieldContainer[_common_pb2.ModelRef]
    sampling: _common_pb2.SamplingParams
    samples_per_task: int
    step_caps: StepCaps
    grader: _trajectory_pb2.OutcomeGrader
    process_judge_id: str
    skip_process_labels: bool
    confidence_z: float
    report_dir: str
    prompt_version: str
    concurrency: int
    def __init__(self, tasks: _Optional[_Union[TaskSource, _Mapping]] = ..., models: _Optional[_Iterable[_Union[_common_pb2.ModelRef, _Mapping]]] = ..., sampling: _Optional[_Union[_common_pb2.SamplingParams, _Mapping]] = ..., samples_per_task: _Optional[int] = ..., step_caps: _Optional[_Union[StepCaps, _Mapping]] = ..., grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., process_judge_id: _Optional[str] = ..., skip_process_labels: _Optional[bool] = ..., confidence_z: _Optional[float] = ..., report_dir: _Optional[str] = ..., prompt_version: _Optional[str] = ..., concurrency: _Optional[int] = ...) -> None: ...

class PipelineSpec(_message.Message):
    __slots__ = ("synthesize", "filter_strategy", "process_judge_id", "outcome_grader", "algorithm", "hyper_parameters", "evaluate", "skip_training")
    SYNTHESIZE_FIELD_NUMBER: _ClassVar[int]
    FILTER_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_GRADER_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    HYPER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    EVALUATE_FIELD_NUMBER: _ClassVar[int]
    SKIP_TRAINING_FIELD_NUMBER: _ClassVar[int]
    synthesize: SynthesizeSpec
    filter_strategy: _judge_pb2.FilterStrategy
    process_judge_id: str
    outcome_grader: _trajectory_pb2.OutcomeGrader
    algorithm: _trainer_pb2.TrainingAlgorithm
    hyper_parameters: _trainer_pb2.RunHyperParameters
    evaluate: EvaluateSpec
    skip_training: bool
    def __init__(self, synthesize: _Optional[_Union[SynthesizeSpec, _Mapping]] = ..., filter_strategy: _Optional[_Union[_judge_pb2.FilterStrategy, str]] = ..., process_judge_id: _Optional[str] = ..., outcome_grader: _Optional[_Union[_trajectory_pb2.OutcomeGrader, str]] = ..., algorithm: _Optional[_Union[_trainer_pb2.TrainingAlgorithm, str]] = ..., hyper_parameters: _Optional[_Union[_trainer_pb2.RunHyperParameters, _Mapping]] = ..., evaluate: _Optional[_Union[EvaluateSpec, _Mapping]] = ..., skip_training: _Optional[bool] = ...) -> None: ...

class JobSpec(_message.Message):
    __slots__ = ("synthesize", "judge", "filter", "evaluate", "pipeline")
    SYNTHESIZE_FIELD_NUMBER: _ClassVar[int]
    JUDGE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    EVALUATE_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    synthesize: SynthesizeSpec
    judge: JudgeSpec
    filter: FilterSpec
    evaluate: EvaluateSpec
    pipeline: PipelineSpec
    def __init__(self, synthesize: _Optional[_Union[SynthesizeSpec, _Mapping]] = ..., judge: _Optional[_Union[JudgeSpec, _Mapping]] = ..., filter: _Optional[_Union[FilterSpec, _Mapping]] = ..., evaluate: _Optional[_Union[EvaluateSpec, _Mapping]] = ..., pipeline: _Optional[_Union[PipelineSpec, _Mapping]] = ...) -> None: ...

class JobProgress(_message.Message):
    __slots__ = ("stage", "unit", "completed", "total", "failed", "elapsed", "eta", "counters")
    class CountersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    STAGE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_FIELD_NUMBER: _ClassVar[int]
    ETA_FIELD_NUMBER: _ClassVar[int]
    COUNTERS_FIELD_NUMBER: _ClassVar[int]
    stage: str
    unit: str
    completed: int
    total: int
    failed: int
    elapsed: _duration_pb2.Duration
    eta: _duration_pb2.Duration
    counters: _containers.ScalarMap[str, float]
    def __init__(self, stage: _Optional[str] = ..., unit: _Optional[str] = ..., completed: _Optional[int] = ..., total: _Optional[int] = ..., failed: _Optional[int] = ..., elapsed: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., eta: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., counters: _Optional[_Mapping[str, float]] = ...) -> None: ...

class SynthesizeResult(_message.Message):
    __slots__ = ("tasks", "trajectories", "answered", "step_cap_reached", "malformed", "errors", "steps", "generated_tokens", "policy")
    TASKS_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORIES_FIELD_NUMBER: _ClassVar[int]
    ANSWERED_FIELD_NUMBER: _ClassVar[int]
    STEP_CAP_REACHED_FIELD_NUMBER: _ClassVar[int]
    MALFORMED_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    GENERATED_TOKENS_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    tasks: int
    trajectories: int
    answered: int
    step_cap_reached: int
    malformed: int
    errors: int
    steps: int
    generated_tokens: int
    policy: _common_pb2.ModelRef
    def __init__(self, tasks: _Optional[int] = ..., trajectories: _Optional[int] = ..., answered: _Optional[int] = ..., step_cap_reached: _Optional[int] = ..., malformed: _Optional[int] = ..., errors: _Optional[int] = ..., steps: _Optional[int] = ..., generated_tokens: _Optional[int] = ..., policy: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ...) -> None: ...

class JudgeResult(_message.Message):
    __slots__ = ("steps_judged", "step_good_rate", "trajectories_graded", "outcome_yes_rate", "reused_verdicts")
    STEPS_JUDGED_FIELD_NUMBER: _ClassVar[int]
    STEP_GOOD_RATE_FIELD_NUMBER: _ClassVar[int]
    TRAJECTORIES_GRADED_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_YES_RATE_FIELD_NUMBER: _ClassVar[int]
    REUSED_VERDICTS_FIELD_NUMBER: _ClassVar[int]
    steps_judged: int
    step_good_rate: float
    trajectories_graded: int
    outcome_yes_rate: float
    reused_verdicts: int
    def __init__(self, steps_judged: _Optional[int] = ..., step_good_rate: _Optional[float] = ..., trajectories_graded: _Optional[int] = ..., outcome_yes_rate: _Optional[float] = ..., reused_verdicts: _Optional[int] = ...) -> None: ...

class FilterResult(_message.Message):
    __slots__ = ("dataset_version",)
    DATASET_VERSION_FIELD_NUMBER: _ClassVar[int]
    dataset_version: DatasetVersion
    def __init__(self, dataset_version: _Optional[_Union[DatasetVersion, _Mapping]] = ...) -> None: ...

class EvaluationMetrics(_message.Message):
    __slots__ = ("n", "correct", "accuracy", "ci_margin", "ci_low", "ci_high", "mean_f1", "mean_precision", "mean_recall", "exact_match_rate", "process_label_accuracy", "mean_steps", "answered_rate", "step_cap_rate", "malformed_rate", "errors")
    N_FIELD_NUMBER: _ClassVar[int]
    CORRECT_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_FIELD_NUMBER: _ClassVar[int]
    CI_MARGIN_FIELD_NUMBER: _ClassVar[int]
    CI_LOW_FIELD_NUMBER: _ClassVar[int]
    CI_HIGH_FIELD_NUMBER: _ClassVar[int]
    MEAN_F1_FIELD_NUMBER: _ClassVar[int]
    MEAN_PRECISION_FIELD_NUMBER: _ClassVar[int]
    MEAN_RECALL_FIELD_NUMBER: _ClassVar[int]
    EXACT_MATCH_RATE_FIELD_NUMBER: _ClassVar[int]
    PROCESS_LABEL_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    MEAN_STEPS_FIELD_NUMBER: _ClassVar[int]
    ANSWERED_RATE_FIELD_NUMBER: _ClassVar[int]
    STEP_CAP_RATE_FIELD_NUMBER: _ClassVar[int]
    MALFORMED_RATE_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    n: int
    correct: int
    accuracy: float
    ci_margin: float
    ci_low: float
    ci_high: float
    mean_f1: float
    mean_precision: float
    mean_recall: float
    exact_match_rate: float
    process_label_accuracy: float
    mean_steps: float
    answered_rate: float
    step_cap_rate: float
    malformed_rate: float
    errors: int
    def __init__(self, n: _Optional[int] = ..., correct: _Optional[int] = ..., accuracy: _Optional[float] = ..., ci_margin: _Optional[float] = ..., ci_low: _Optional[float] = ..., ci_high: _Optional[float] = ..., mean_f1: _Optional[float] = ..., mean_precision: _Optional[float] = ..., mean_recall: _Optional[float] = ..., exact_match_rate: _Optional[float] = ..., process_label_accuracy: _Optional[float] = ..., mean_steps: _Optional[float] = ..., answered_rate: _Optional[float] = ..., step_cap_rate: _Optional[float] = ..., malformed_rate: _Optional[float] = ..., errors: _Optional[int] = ...) -> None: ...

class EvaluationSlice(_message.Message):
    __slots__ = ("family", "dataset", "metrics")
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    DATASET_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    family: _common_pb2.TaskFamily
    dataset: str
    metrics: EvaluationMetrics
    def __init__(self, family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ..., dataset: _Optional[str] = ..., metrics: _Optional[_Union[EvaluationMetrics, _Mapping]] = ...) -> None: ...

class JudgeQuality(_message.Message):
    __slots__ = ("judge", "labelled_steps", "precision", "recall")
    JUDGE_FIELD_NUMBER: _ClassVar[int]
    LABELLED_STEPS_FIELD_NUMBER: _ClassVar[int]
    PRECISION_FIELD_NUMBER: _ClassVar[int]
    RECALL_FIELD_NUMBER: _ClassVar[int]
    judge: str
    labelled_steps: int
    precision: float
    recall: float
    def __init__(self, judge: _Optional[str] = ..., labelled_steps: _Optional[int] = ..., precision: _Optional[float] = ..., recall: _Optional[float] = ...) -> None: ...

class ModelEvaluation(_message.Message):
    __slots__ = ("model", "overall", "slices", "judge_quality")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    SLICES_FIELD_NUMBER: _ClassVar[int]
    JUDGE_QUALITY_FIELD_NUMBER: _ClassVar[int]
    model: _common_pb2.ModelRef
    overall: EvaluationMetrics
    slices: _containers.RepeatedCompositeFieldContainer[EvaluationSlice]
    judge_quality: JudgeQuality
    def __init__(self, model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., overall: _Optional[_Union[EvaluationMetrics, _Mapping]] = ..., slices: _Optional[_Iterable[_Union[EvaluationSlice, _Mapping]]] = ..., judge_quality: _Optional[_Union[JudgeQuality, _Mapping]] = ...) -> None: ...

class EvaluationReport(_message.Message):
    __slots__ = ("models", "sampling", "grader", "process_judge", "confidence_z", "step_caps", "report_json_path", "report_markdown_path")
    MODELS_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_FIELD_NUMBER: _ClassVar[int]
    GRADER_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_Z_FIELD_NUMBER: _ClassVar[int]
    STEP_CAPS_FIELD_NUMBER: _ClassVar[int]
    REPORT_JSON_PATH_FIELD_NUMBER: _ClassVar[int]
    REPORT_MARKDOWN_PATH_FIELD_NUMBER: _ClassVar[int]
    models: _containers.RepeatedCompositeFieldContainer[ModelEvaluation]
    sampling: _common_pb2.SamplingParams
    grader: str
    process_judge: str
    confidence_z: float
    step_caps: StepCaps
    report_json_path: str
    report_markdown_path: str
    def __init__(self, models: _Optional[_Iterable[_Union[ModelEvaluation, _Mapping]]] = ..., sampling: _Optional[_Union[_common_pb2.SamplingParams, _Mapping]] = ..., grader: _Optional[str] = ..., process_judge: _Optional[str] = ..., confidence_z: _Optional[float] = ..., step_caps: _Optional[_Union[StepCaps, _Mapping]] = ..., report_json_path: _Optional[str] = ..., report_markdown_path: _Optional[str] = ...) -> None: ...

class PipelineResult(_message.Message):
    __slots__ = ("synthesize", "judge", "filter", "run_id", "trained_model", "evaluation")
    SYNTHESIZE_FIELD_NUMBER: _ClassVar[int]
    JUDGE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    TRAINED_MODEL_FIELD_NUMBER: _ClassVar[int]
    EVALUATION_FIELD_NUMBER: _ClassVar[int]
    synthesize: SynthesizeResult
    judge: JudgeResult
    filter: FilterResult
    run_id: str
    trained_model: _common_pb2.ModelRef
    evaluation: EvaluationReport
    def __init__(self, synthesize: _Optional[_Union[SynthesizeResult, _Mapping]] = ..., judge: _Optional[_Union[JudgeResult, _Mapping]] = ..., filter: _Optional[_Union[FilterResult, _Mapping]] = ..., run_id: _Optional[str] = ..., trained_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., evaluation: _Optional[_Union[EvaluationReport, _Mapping]] = ...) -> None: ...

class JobResult(_message.Message):
    __slots__ = ("synthesize", "judge", "filter", "evaluation", "pipeline")
    SYNTHESIZE_FIELD_NUMBER: _ClassVar[int]
    JUDGE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    EVALUATION_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    synthesize: SynthesizeResult
    judge: JudgeResult
    filter: FilterResult
    evaluation: EvaluationReport
    pipeline: PipelineResult
    def __init__(self, synthesize: _Optional[_Union[SynthesizeResult, _Mapping]] = ..., judge: _Optional[_Union[JudgeResult, _Mapping]] = ..., filter: _Optional[_Union[FilterResult, _Mapping]] = ..., evaluation: _Optional[_Union[EvaluationReport, _Mapping]] = ..., pipeline: _Optional[_Union[PipelineResult, _Mapping]] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ("id", "display_name", "kind", "state", "spec", "progress", "result", "request_id", "create_time", "start_time", "end_time", "error_message")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    kind: JobKind
    state: _common_pb2.JobState
    spec: JobSpec
    progress: JobProgress
    result: JobResult
    request_id: str
    create_time: _timestamp_pb2.Timestamp
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    error_message: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[JobKind, str]] = ..., state: _Optional[_Union[_common_pb2.JobState, str]] = ..., spec: _Optional[_Union[JobSpec, _Mapping]] = ..., progress: _Optional[_Union[JobProgress, _Mapping]] = ..., result: _Optional[_Union[JobResult, _Mapping]] = ..., request_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error_message: _Optional[str] = ...) -> None: ...

class DatasetVersion(_message.Message):
    __slots__ = ("id", "name", "strategy", "source_job_ids", "process_judge", "outcome_grader", "stats", "filter_job_id", "create_time")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_JOB_IDS_FIELD_NUMBER: _ClassVar[int]
    PROCESS_JUDGE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_GRADER_FIELD_NUMBER: _ClassVar[int]
    STATS_FIELD_NUMBER: _ClassVar[int]
    FILTER_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    strategy: _judge_pb2.FilterStrategy
    source_job_ids: _containers.RepeatedScalarFieldContainer[str]
    process_judge: str
    outcome_grader: str
    stats: _judge_pb2.FilterStats
    filter_job_id: str
    create_time: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., strategy: _Optional[_Union[_judge_pb2.FilterStrategy, str]] = ..., source_job_ids: _Optional[_Iterable[str]] = ..., process_judge: _Optional[str] = ..., outcome_grader: _Optional[str] = ..., stats: _Optional[_Union[_judge_pb2.FilterStats, _Mapping]] = ..., filter_job_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StartJobRequest(_message.Message):
    __slots__ = ("request_id", "spec", "display_name")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    spec: JobSpec
    display_name: str
    def __init__(self, request_id: _Optional[str] = ..., spec: _Optional[_Union[JobSpec, _Mapping]] = ..., display_name: _Optional[str] = ...) -> None: ...

class StartJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class GetJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class WatchJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class WatchJobResponse(_message.Message):
    __slots__ = ("sequence", "event_time", "job", "message")
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    sequence: int
    event_time: _timestamp_pb2.Timestamp
    job: Job
    message: str
    def __init__(self, sequence: _Optional[int] = ..., event_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., job: _Optional[_Union[Job, _Mapping]] = ..., message: _Optional[str] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class CancelJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class ListJobsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "kind", "state")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    kind: JobKind
    state: _common_pb2.JobState
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., kind: _Optional[_Union[JobKind, str]] = ..., state: _Optional[_Union[_common_pb2.JobState, str]] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "next_page_token")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[Job]
    next_page_token: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[Job, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListTrajectoriesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "job_id", "dataset_version_id", "task_id", "family", "finish_reason", "view")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    FINISH_REASON_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    job_id: str
    dataset_version_id: str
    task_id: str
    family: _common_pb2.TaskFamily
    finish_reason: _trajectory_pb2.TrajectoryFinishReason
    view: TrajectoryView
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., job_id: _Optional[str] = ..., dataset_version_id: _Optional[str] = ..., task_id: _Optional[str] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ..., finish_reason: _Optional[_Union[_trajectory_pb2.TrajectoryFinishReason, str]] = ..., view: _Optional[_Union[TrajectoryView, str]] = ...) -> None: ...

class ListTrajectoriesResponse(_message.Message):
    __slots__ = ("trajectories", "next_page_token", "total_size")
    TRAJECTORIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    trajectories: _containers.RepeatedCompositeFieldContainer[_trajectory_pb2.Trajectory]
    next_page_token: str
    total_size: int
    def __init__(self, trajectories: _Optional[_Iterable[_Union[_trajectory_pb2.Trajectory, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class GetTrajectoryRequest(_message.Message):
    __slots__ = ("trajectory_id", "view")
    TRAJECTORY_ID_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    trajectory_id: str
    view: TrajectoryView
    def __init__(self, trajectory_id: _Optional[str] = ..., view: _Optional[_Union[TrajectoryView, str]] = ...) -> None: ...

class GetTrajectoryResponse(_message.Message):
    __slots__ = ("trajectory",)
    TRAJECTORY_FIELD_NUMBER: _ClassVar[int]
    trajectory: _trajectory_pb2.Trajectory
    def __init__(self, trajectory: _Optional[_Union[_trajectory_pb2.Trajectory, _Mapping]] = ...) -> None: ...

class GetDatasetVersionRequest(_message.Message):
    __slots__ = ("dataset_version_id",)
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    dataset_version_id: str
    def __init__(self, dataset_version_id: _Optional[str] = ...) -> None: ...

class GetDatasetVersionResponse(_message.Message):
    __slots__ = ("dataset_version",)
    DATASET_VERSION_FIELD_NUMBER: _ClassVar[int]
    dataset_version: DatasetVersion
    def __init__(self, dataset_version: _Optional[_Union[DatasetVersion, _Mapping]] = ...) -> None: ...

class ListDatasetVersionsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "strategy")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    strategy: _judge_pb2.FilterStrategy
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., strategy: _Optional[_Union[_judge_pb2.FilterStrategy, str]] = ...) -> None: ...

class ListDatasetVersionsResponse(_message.Message):
    __slots__ = ("dataset_versions", "next_page_token")
    DATASET_VERSIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    dataset_versions: _containers.RepeatedCompositeFieldContainer[DatasetVersion]
    next_page_token: str
    def __init__(self, dataset_versions: _Optional[_Iterable[_Union[DatasetVersion, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListExamplesRequest(_message.Message):
    __slots__ = ("dataset_version_id", "page_size", "page_token", "family", "view")
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    dataset_version_id: str
    page_size: int
    page_token: str
    family: _common_pb2.TaskFamily
    view: TrajectoryView
    def __init__(self, dataset_version_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., family: _Optional[_Union[_common_pb2.TaskFamily, str]] = ..., view: _Optional[_Union[TrajectoryView, str]] = ...) -> None: ...

class ListExamplesResponse(_message.Message):
    __slots__ = ("examples", "next_page_token", "total_size")
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    examples: _containers.RepeatedCompositeFieldContainer[_trajectory_pb2.StepExample]
    next_page_token: str
    total_size: int
    def __init__(self, examples: _Optional[_Iterable[_Union[_trajectory_pb2.StepExample, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...
