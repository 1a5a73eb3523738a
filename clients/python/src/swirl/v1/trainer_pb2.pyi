import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from swirl.v1 import common_pb2 as _common_pb2
from swirl.v1 import learner_pb2 as _learner_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TrainingAlgorithm(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRAINING_ALGORITHM_UNSPECIFIED: _ClassVar[TrainingAlgorithm]
    TRAINING_ALGORITHM_SWIRL: _ClassVar[TrainingAlgorithm]
    TRAINING_ALGORITHM_SFT: _ClassVar[TrainingAlgorithm]

class AdvantageEstimator(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ADVANTAGE_ESTIMATOR_UNSPECIFIED: _ClassVar[AdvantageEstimator]
    ADVANTAGE_ESTIMATOR_GROUP_MEAN: _ClassVar[AdvantageEstimator]
    ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED: _ClassVar[AdvantageEstimator]
    ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT: _ClassVar[AdvantageEstimator]
TRAINING_ALGORITHM_UNSPECIFIED: TrainingAlgorithm
TRAINING_ALGORITHM_SWIRL: TrainingAlgorithm
TRAINING_ALGORITHM_SFT: TrainingAlgorithm
ADVANTAGE_ESTIMATOR_UNSPECIFIED: AdvantageEstimator
ADVANTAGE_ESTIMATOR_GROUP_MEAN: AdvantageEstimator
ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED: AdvantageEstimator
ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT: AdvantageEstimator

class RunHyperParameters(_message.Message):
    __slots__ = ("samples_per_state", "states_per_batch", "learning_rate", "kl_coef", "clip_epsilon", "updates", "export_every", "seed", "grad_clip_norm", "weight_decay", "sampling", "advantage_estimator", "checkpoint_every", "epochs", "micro_batch_size", "loss_aggregation", "warmup_updates")
    SAMPLES_PER_STATE_FIELD_NUMBER: _ClassVar[int]
    STATES_PER_BATCH_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    KL_COEF_FIELD_NUMBER: _ClassVar[int]
    CLIP_EPSILON_FIELD_NUMBER: _ClassVar[int]
    UPDATES_FIELD_NUMBER: _ClassVar[int]
    EXPORT_EVERY_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    GRAD_CLIP_NORM_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_DECAY_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_FIELD_NUMBER: _ClassVar[int]
    ADVANTAGE_ESTIMATOR_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_EVERY_FIELD_NUMBER: _ClassVar[int]
    EPOCHS_FIELD_NUMBER: _ClassVar[int]
    MICRO_BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    LOSS_AGGREGATION_FIELD_NUMBER: _ClassVar[int]
    WARMUP_UPDATES_FIELD_NUMBER: _ClassVar[int]
    samples_per_state: int
    states_per_batch: int
    learning_rate: float
    kl_coef: float
    clip_epsilon: float
    updates: int
    export_every: int
    seed: int
    grad_clip_norm: float
    weight_decay: float
    sampling: _common_pb2.SamplingParams
    advantage_estimator: AdvantageEstimator
    checkpoint_every: int
    epochs: int
    micro_batch_size: int
    loss_aggregation: _learner_pb2.LossAggregation
    warmup_updates: int
    def __init__(self, samples_per_state: _Optional[int] = ..., states_per_batch: _Optional[int] = ..., learning_rate: _Optional[float] = ..., kl_coef: _Optional[float] = ..., clip_epsilon: _Optional[float] = ..., updates: _Optional[int] = ..., export_every: _Optional[int] = ..., seed: _Optional[int] = ..., grad_clip_norm: _Optional[float] = ..., weight_decay: _Optional[float] = ..., sampling: _Optional[_Union[_common_pb2.SamplingParams, _Mapping]] = ..., advantage_estimator: _Optional[_Union[AdvantageEstimator, str]] = ..., checkpoint_every: _Optional[int] = ..., epochs: _Optional[int] = ..., micro_batch_size: _Optional[int] = ..., loss_aggregation: _Optional[_Union[_learner_pb2.LossAggregation, str]] = ..., warmup_updates: _Optional[int] = ...) -> None: ...

class CreateRunRequest(_message.Message):
    __slots__ = ("request_id", "dataset_version_id", "base_model", "algorithm", "hyper_parameters", "reward_judge_id", "reward_samples", "output_model_name", "display_name", "activate_exports", "base_checkpoint_path")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    HYPER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    REWARD_JUDGE_ID_FIELD_NUMBER: _ClassVar[int]
    REWARD_SAMPLES_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_MODEL_NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTIVATE_EXPORTS_FIELD_NUMBER: _ClassVar[int]
    BASE_CHECKPOINT_PATH_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    dataset_version_id: str
    base_model: _common_pb2.ModelRef
    algorithm: TrainingAlgorithm
    hyper_parameters: RunHyperParameters
    reward_judge_id: str
    reward_samples: int
    output_model_name: str
    display_name: str
    activate_exports: bool
    base_checkpoint_path: str
    def __init__(self, request_id: _Optional[str] = ..., dataset_version_id: _Optional[str] = ..., base_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., algorithm: _Optional[_Union[TrainingAlgorithm, str]] = ..., hyper_parameters: _Optional[_Union[RunHyperParameters, _Mapping]] = ..., reward_judge_id: _Optional[str] = ..., reward_samples: _Optional[int] = ..., output_model_name: _Optional[str] = ..., display_name: _Optional[str] = ..., activate_exports: _Optional[bool] = ..., base_checkpoint_path: _Optional[str] = ...) -> None: ...

class CreateRunResponse(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: Run
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ...) -> None: ...

class RunMetrics(_message.Message):
    __slots__ = ("update", "mean_reward", "reward_std", "zero_signal_fraction", "loss", "kl", "grad_norm", "clip_fraction", "entropy", "learning_rate", "loss_tokens", "mean_action_tokens", "sample_time", "judge_time", "learner_time", "update_time")
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    MEAN_REWARD_FIELD_NUMBER: _ClassVar[int]
    REWARD_STD_FIELD_NUMBER: _ClassVar[int]
    ZERO_SIGNAL_FRACTION_FIELD_NUMBER: _ClassVar[int]
    LOSS_FIELD_NUMBER: _ClassVar[int]
    KL_FIELD_NUMBER: _ClassVar[int]
    GRAD_NORM_FIELD_NUMBER: _ClassVar[int]
    CLIP_FRACTION_FIELD_NUMBER: _ClassVar[int]
    ENTROPY_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    LOSS_TOKENS_FIELD_NUMBER: _ClassVar[int]
    MEAN_ACTION_TOKENS_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_TIME_FIELD_NUMBER: _ClassVar[int]
    JUDGE_TIME_FIELD_NUMBER: _ClassVar[int]
    LEARNER_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    update: int
    mean_reward: float
    reward_std: float
    zero_signal_fraction: float
    loss: float
    kl: float
    grad_norm: float
    clip_fraction: float
    entropy: float
    learning_rate: float
    loss_tokens: int
    mean_action_tokens: float
    sample_time: _duration_pb2.Duration
    judge_time: _duration_pb2.Duration
    learner_time: _duration_pb2.Duration
    update_time: _duration_pb2.Duration
    def __init__(self, update: _Optional[int] = ..., mean_reward: _Optional[float] = ..., reward_std: _Optional[float] = ..., zero_signal_fraction: _Optional[float] = ..., loss: _Optional[float] = ..., kl: _Optional[float] = ..., grad_norm: _Optional[float] = ..., clip_fraction: _Optional[float] = ..., entropy: _Optional[float] = ..., learning_rate: _Optional[float] = ..., loss_tokens: _Optional[int] = ..., mean_action_tokens: _Optional[float] = ..., sample_time: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., judge_time: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., learner_time: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., update_time: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class Run(_message.Message):
    __slots__ = ("id", "display_name", "state", "dataset_version_id", "base_model", "algorithm", "hyper_parameters", "reward_judge", "completed_updates", "total_updates", "latest_metrics", "latest_model", "latest_checkpoint", "request_id", "create_time", "start_time", "end_time", "error_message")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    HYPER_PARAMETERS_FIELD_NUMBER: _ClassVar[int]
    REWARD_JUDGE_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_UPDATES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_UPDATES_FIELD_NUMBER: _ClassVar[int]
    LATEST_METRICS_FIELD_NUMBER: _ClassVar[int]
    LATEST_MODEL_FIELD_NUMBER: _ClassVar[int]
    LATEST_CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    START_TIME_FIELD_NUMBER: _ClassVar[int]
    END_TIME_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    state: _common_pb2.RunState
    dataset_version_id: str
    base_model: _common_pb2.ModelRef
    algorithm: TrainingAlgorithm
    hyper_parameters: RunHyperParameters
    reward_judge: str
    completed_updates: int
    total_updates: int
    latest_metrics: RunMetrics
    latest_model: _common_pb2.ModelRef
    latest_checkpoint: _common_pb2.CheckpointRef
    request_id: str
    create_time: _timestamp_pb2.Timestamp
    start_time: _timestamp_pb2.Timestamp
    end_time: _timestamp_pb2.Timestamp
    error_message: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., state: _Optional[_Union[_common_pb2.RunState, str]] = ..., dataset_version_id: _Optional[str] = ..., base_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., algorithm: _Optional[_Union[TrainingAlgorithm, str]] = ..., hyper_parameters: _Optional[_Union[RunHyperParameters, _Mapping]] = ..., reward_judge: _Optional[str] = ..., completed_updates: _Optional[int] = ..., total_updates: _Optional[int] = ..., latest_metrics: _Optional[_Union[RunMetrics, _Mapping]] = ..., latest_model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., latest_checkpoint: _Optional[_Union[_common_pb2.CheckpointRef, _Mapping]] = ..., request_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., start_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., end_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error_message: _Optional[str] = ...) -> None: ...

class GetRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class GetRunResponse(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: Run
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ...) -> None: ...

class WatchRunRequest(_message.Message):
    __slots__ = ("run_id", "after_sequence")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    after_sequence: int
    def __init__(self, run_id: _Optional[str] = ..., after_sequence: _Optional[int] = ...) -> None: ...

class RunStateChange(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: Run
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ...) -> None: ...

class RunModelExported(_message.Message):
    __slots__ = ("update", "model", "model_path", "activated")
    UPDATE_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    MODEL_PATH_FIELD_NUMBER: _ClassVar[int]
    ACTIVATED_FIELD_NUMBER: _ClassVar[int]
    update: int
    model: _common_pb2.ModelRef
    model_path: str
    activated: bool
    def __init__(self, update: _Optional[int] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., model_path: _Optional[str] = ..., activated: _Optional[bool] = ...) -> None: ...

class WatchRunResponse(_message.Message):
    __slots__ = ("sequence", "event_time", "state_changed", "progress", "checkpoint_saved", "model_exported")
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    EVENT_TIME_FIELD_NUMBER: _ClassVar[int]
    STATE_CHANGED_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_SAVED_FIELD_NUMBER: _ClassVar[int]
    MODEL_EXPORTED_FIELD_NUMBER: _ClassVar[int]
    sequence: int
    event_time: _timestamp_pb2.Timestamp
    state_changed: RunStateChange
    progress: RunMetrics
    checkpoint_saved: _common_pb2.CheckpointRef
    model_exported: RunModelExported
    def __init__(self, sequence: _Optional[int] = ..., event_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., state_changed: _Optional[_Union[RunStateChange, _Mapping]] = ..., progress: _Optional[_Union[RunMetrics, _Mapping]] = ..., checkpoint_saved: _Optional[_Union[_common_pb2.CheckpointRef, _Mapping]] = ..., model_exported: _Optional[_Union[RunModelExported, _Mapping]] = ...) -> None: ...

class CancelRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class CancelRunResponse(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: Run
    def __init__(self, run: _Optional[_Union[Run, _Mapping]] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "state", "dataset_version_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    DATASET_VERSION_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    state: _common_pb2.RunState
    dataset_version_id: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., state: _Optional[_Union[_common_pb2.RunState, str]] = ..., dataset_version_id: _Optional[str] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    __slots__ = ("runs", "next_page_token")
    RUNS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[Run]
    next_page_token: str
    def __init__(self, runs: _Optional[_Iterable[_Union[Run, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListCheckpointsRequest(_message.Message):
    __slots__ = ("run_id", "page_size", "page_token")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    page_size: int
    page_token: str
    def __init__(self, run_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCheckpointsResponse(_message.Message):
    __slots__ = ("checkpoints", "next_page_token")
    CHECKPOINTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    checkpoints: _containers.RepeatedCompositeFieldContainer[_common_pb2.CheckpointRef]
    next_page_token: str
    def __init__(self, checkpoints: _Optional[_Iterable[_Union[_common_pb2.CheckpointRef, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
