import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from swirl.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OptimizerKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OPTIMIZER_KIND_UNSPECIFIED: _ClassVar[OptimizerKind]
    OPTIMIZER_KIND_ADAMW: _ClassVar[OptimizerKind]
    OPTIMIZER_KIND_SGD: _ClassVar[OptimizerKind]

class LrSchedule(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LR_SCHEDULE_UNSPECIFIED: _ClassVar[LrSchedule]
    LR_SCHEDULE_CONSTANT: _ClassVar[LrSchedule]
    LR_SCHEDULE_LINEAR: _ClassVar[LrSchedule]
    LR_SCHEDULE_COSINE: _ClassVar[LrSchedule]

class Precision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRECISION_UNSPECIFIED: _ClassVar[Precision]
    PRECISION_FP32: _ClassVar[Precision]
    PRECISION_BF16: _ClassVar[Precision]
    PRECISION_FP16: _ClassVar[Precision]

class LossKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LOSS_KIND_UNSPECIFIED: _ClassVar[LossKind]
    LOSS_KIND_SFT: _ClassVar[LossKind]
    LOSS_KIND_POLICY_GRADIENT: _ClassVar[LossKind]

class LossAggregation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LOSS_AGGREGATION_UNSPECIFIED: _ClassVar[LossAggregation]
    LOSS_AGGREGATION_TOKEN_MEAN: _ClassVar[LossAggregation]
    LOSS_AGGREGATION_SEQUENCE_SUM: _ClassVar[LossAggregation]
    LOSS_AGGREGATION_SEQUENCE_MEAN: _ClassVar[LossAggregation]

class KlEstimator(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    KL_ESTIMATOR_UNSPECIFIED: _ClassVar[KlEstimator]
    KL_ESTIMATOR_K1: _ClassVar[KlEstimator]
    KL_ESTIMATOR_K2: _ClassVar[KlEstimator]
    KL_ESTIMATOR_K3: _ClassVar[KlEstimator]

class LogprobsModel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LOGPROBS_MODEL_UNSPECIFIED: _ClassVar[LogprobsModel]
    LOGPROBS_MODEL_POLICY: _ClassVar[LogprobsModel]
    LOGPROBS_MODEL_REFERENCE: _ClassVar[LogprobsModel]

class LearnerState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LEARNER_STATE_UNSPECIFIED: _ClassVar[LearnerState]
    LEARNER_STATE_UNINITIALIZED: _ClassVar[LearnerState]
    LEARNER_STATE_READY: _ClassVar[LearnerState]
    LEARNER_STATE_BUSY: _ClassVar[LearnerState]
    LEARNER_STATE_FAILED: _ClassVar[LearnerState]
OPTIMIZER_KIND_UNSPECIFIED: OptimizerKind
OPTIMIZER_KIND_ADAMW: OptimizerKind
OPTIMIZER_KIND_SGD: OptimizerKind
LR_SCHEDULE_UNSPECIFIED: LrSchedule
LR_SCHEDULE_CONSTANT: LrSchedule
LR_SCHEDULE_LINEAR: LrSchedule
LR_SCHEDULE_COSINE: LrSchedule
PRECISION_UNSPECIFIED: Precision
PRECISION_FP32: Precision
PRECISION_BF16: Precision
PRECISION_FP16: Precision
LOSS_KIND_UNSPECIFIED: LossKind
LOSS_KIND_SFT: LossKind
LOSS_KIND_POLICY_GRADIENT: LossKind
LOSS_AGGREGATION_UNSPECIFIED: LossAggregation
LOSS_AGGREGATION_TOKEN_MEAN: LossAggregation
LOSS_AGGREGATION_SEQUENCE_SUM: LossAggregation
LOSS_AGGREGATION_SEQUENCE_MEAN: LossAggregation
KL_ESTIMATOR_UNSPECIFIED: KlEstimator
KL_ESTIMATOR_K1: KlEstimator
KL_ESTIMATOR_K2: KlEstimator
KL_ESTIMATOR_K3: KlEstimator
LOGPROBS_MODEL_UNSPECIFIED: LogprobsModel
LOGPROBS_MODEL_POLICY: LogprobsModel
LOGPROBS_MODEL_REFERENCE: LogprobsModel
LEARNER_STATE_UNSPECIFIED: LearnerState
LEARNER_STATE_UNINITIALIZED: LearnerState
LEARNER_STATE_READY: LearnerState
LEARNER_STATE_BUSY: LearnerState
LEARNER_STATE_FAILED: LearnerState

class ModelConfig(_message.Message):
    __slots__ = ("architecture", "vocab_size", "num_layers", "hidden_size", "num_heads", "intermediate_size", "max_seq_len", "dropout")
    ARCHITECTURE_FIELD_NUMBER: _ClassVar[int]
    VOCAB_SIZE_FIELD_NUMBER: _ClassVar[int]
    NUM_LAYERS_FIELD_NUMBER: _ClassVar[int]
    HIDDEN_SIZE_FIELD_NUMBER: _ClassVar[int]
    NUM_HEADS_FIELD_NUMBER: _ClassVar[int]
    INTERMEDIATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    MAX_SEQ_LEN_FIELD_NUMBER: _ClassVar[int]
    DROPOUT_FIELD_NUMBER: _ClassVar[int]
    architecture: str
    vocab_size: int
    num_layers: int
    hidden_size: int
    num_heads: int
    intermediate_size: int
    max_seq_len: int
    dropout: float
    def __init__(self, architecture: _Optional[str] = ..., vocab_size: _Optional[int] = ..., num_layers: _Optional[int] = ..., hidden_size: _Optional[int] = ..., num_heads: _Optional[int] = ..., intermediate_size: _Optional[int] = ..., max_seq_len: _Optional[int] = ..., dropout: _Optional[float] = ...) -> None: ...

class ModelSource(_message.Message):
    __slots__ = ("config", "checkpoint_path")
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_PATH_FIELD_NUMBER: _ClassVar[int]
    config: ModelConfig
    checkpoint_path: str
    def __init__(self, config: _Optional[_Union[ModelConfig, _Mapping]] = ..., checkpoint_path: _Optional[str] = ...) -> None: ...

class OptimizerConfig(_message.Message):
    __slots__ = ("kind", "learning_rate", "weight_decay", "beta1", "beta2", "epsilon", "grad_clip_norm", "warmup_steps", "schedule", "total_steps")
    KIND_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_DECAY_FIELD_NUMBER: _ClassVar[int]
    BETA1_FIELD_NUMBER: _ClassVar[int]
    BETA2_FIELD_NUMBER: _ClassVar[int]
    EPSILON_FIELD_NUMBER: _ClassVar[int]
    GRAD_CLIP_NORM_FIELD_NUMBER: _ClassVar[int]
    WARMUP_STEPS_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_STEPS_FIELD_NUMBER: _ClassVar[int]
    kind: OptimizerKind
    learning_rate: float
    weight_decay: float
    beta1: float
    beta2: float
    epsilon: float
    grad_clip_norm: float
    warmup_steps: int
    schedule: LrSchedule
    total_steps: int
    def __init__(self, kind: _Optional[_Union[OptimizerKind, str]] = ..., learning_rate: _Optional[float] = ..., weight_decay: _Optional[float] = ..., beta1: _Optional[float] = ..., beta2: _Optional[float] = ..., epsilon: _Optional[float] = ..., grad_clip_norm: _Optional[float] = ..., warmup_steps: _Optional[int] = ..., schedule: _Optional[_Union[LrSchedule, str]] = ..., total_steps: _Optional[int] = ...) -> None: ...

class ReferenceModel(_message.Message):
    __slots__ = ("initial_weights", "checkpoint_path")
    INITIAL_WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_PATH_FIELD_NUMBER: _ClassVar[int]
    initial_weights: bool
    checkpoint_path: str
    def __init__(self, initial_weights: _Optional[bool] = ..., checkpoint_path: _Optional[str] = ...) -> None: ...

class InitRequest(_message.Message):
    __slots__ = ("request_id", "run_id", "model", "tokenizer_path", "optimizer", "seed", "reference", "device", "precision", "replace_session")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    TOKENIZER_PATH_FIELD_NUMBER: _ClassVar[int]
    OPTIMIZER_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    PRECISION_FIELD_NUMBER: _ClassVar[int]
    REPLACE_SESSION_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    run_id: str
    model: ModelSource
    tokenizer_path: str
    optimizer: OptimizerConfig
    seed: int
    reference: ReferenceModel
    device: str
    precision: Precision
    replace_session: bool
    def __init__(self, request_id: _Optional[str] = ..., run_id: _Optional[str] = ..., model: _Optional[_Union[ModelSource, _Mapping]] = ..., tokenizer_path: _Optional[str] = ..., optimizer: _Optional[_Union[OptimizerConfig, _Mapping]] = ..., seed: _Optional[int] = ..., reference: _Optional[_Union[ReferenceModel, _Mapping]] = ..., device: _Optional[str] = ..., precision: _Optional[_Union[Precision, str]] = ..., replace_session: _Optional[bool] = ...) -> None: ...

class InitResponse(_message.Message):
    __slots__ = ("status",)
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: LearnerStatus
    def __init__(self, status: _Optional[_Union[LearnerStatus, _Mapping]] = ...) -> None: ...

class TrainSequence(_message.Message):
    __slots__ = ("id", "token_ids", "loss_mask", "advantage", "token_advantages", "old_logprobs", "ref_logprobs", "weight")
    ID_FIELD_NUMBER: _ClassVar[int]
    TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    LOSS_MASK_FIELD_NUMBER: _ClassVar[int]
    ADVANTAGE_FIELD_NUMBER: _ClassVar[int]
    TOKEN_ADVANTAGES_FIELD_NUMBER: _ClassVar[int]
    OLD_LOGPROBS_FIELD_NUMBER: _ClassVar[int]
    REF_LOGPROBS_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    id: str
    token_ids: _containers.RepeatedScalarFieldContainer[int]
    loss_mask: _containers.RepeatedScalarFieldContainer[bool]
    advantage: float
    token_advantages: _containers.RepeatedScalarFieldContainer[float]
    old_logprobs: _containers.RepeatedScalarFieldContainer[float]
    ref_logprobs: _containers.RepeatedScalarFieldContainer[float]
    weight: float
    def __init__(self, id: _Optional[str] = ..., token_ids: _Optional[_Iterable[int]] = ..., loss_mask: _Optional[_Iterable[bool]] = ..., advantage: _Optional[float] = ..., token_advantages: _Optional[_Iterable[float]] = ..., old_logprobs: _Optional[_Iterable[float]] = ..., ref_logprobs: _Optional[_Iterable[float]] = ..., weight: _Optional[float] = ...) -> None: ...

class PolicyGradientConfig(_message.Message):
    __slots__ = ("clip_epsilon", "kl_coef", "kl_estimator")
    CLIP_EPSILON_FIELD_NUMBER: _ClassVar[int]
    KL_COEF_FIELD_NUMBER: _ClassVar[int]
    KL_ESTIMATOR_FIELD_NUMBER: _ClassVar[int]
    clip_epsilon: float
    kl_coef: float
    kl_estimator: KlEstimator
    def __init__(self, clip_epsilon: _Optional[float] = ..., kl_coef: _Optional[float] = ..., kl_estimator: _Optional[_Union[KlEstimator, str]] = ...) -> None: ...

class TrainStepRequest(_message.Message):
    __slots__ = ("step", "loss", "sequences", "policy_gradient", "aggregation", "micro_batch_size", "learning_rate")
    STEP_FIELD_NUMBER: _ClassVar[int]
    LOSS_FIELD_NUMBER: _ClassVar[int]
    SEQUENCES_FIELD_NUMBER: _ClassVar[int]
    POLICY_GRADIENT_FIELD_NUMBER: _ClassVar[int]
    AGGREGATION_FIELD_NUMBER: _ClassVar[int]
    MICRO_BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    step: int
    loss: LossKind
    sequences: _containers.RepeatedCompositeFieldContainer[TrainSequence]
    policy_gradient: PolicyGradientConfig
    aggregation: LossAggregation
    micro_batch_size: int
    learning_rate: float
    def __init__(self, step: _Optional[int] = ..., loss: _Optional[_Union[LossKind, str]] = ..., sequences: _Optional[_Iterable[_Union[TrainSequence, _Mapping]]] = ..., policy_gradient: _Optional[_Union[PolicyGradientConfig, _Mapping]] = ..., aggregation: _Optional[_Union[LossAggregation, str]] = ..., micro_batch_size: _Optional[int] = ..., learning_rate: _Optional[float] = ...) -> None: ...

class TrainStepResponse(_message.Message):
    __slots__ = ("step", "loss", "policy_loss", "kl", "grad_norm", "clip_fraction", "entropy", "mean_ratio", "loss_tokens", "sequences", "learning_rate", "elapsed", "replayed")
    STEP_FIELD_NUMBER: _ClassVar[int]
    LOSS_FIELD_NUMBER: _ClassVar[int]
    POLICY_LOSS_FIELD_NUMBER: _ClassVar[int]
    KL_FIELD_NUMBER: _ClassVar[int]
    GRAD_NORM_FIELD_NUMBER: _ClassVar[int]
    CLIP_FRACTION_FIELD_NUMBER: _ClassVar[int]
    ENTROPY_FIELD_NUMBER: _ClassVar[int]
    MEAN_RATIO_FIELD_NUMBER: _ClassVar[int]
    LOSS_TOKENS_FIELD_NUMBER: _ClassVar[int]
    SEQUENCES_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_FIELD_NUMBER: _ClassVar[int]
    REPLAYED_FIELD_NUMBER: _ClassVar[int]
    step: int
    loss: float
    policy_loss: float
    kl: float
    grad_norm: float
    clip_fraction: float
    entropy: float
    mean_ratio: float
    loss_tokens: int
    sequences: int
    learning_rate: float
    elapsed: _duration_pb2.Duration
    replayed: bool
    def __init__(self, step: _Optional[int] = ..., loss: _Optional[float] = ..., policy_loss: _Optional[float] = ..., kl: _Optional[float] = ..., grad_norm: _Optional[float] = ..., clip_fraction: _Optional[float] = ..., entropy: _Optional[float] = ..., mean_ratio: _Optional[float] = ..., loss_tokens: _Optional[int] = ..., sequences: _Optional[int] = ..., learning_rate: _Optional[float] = ..., elapsed: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., replayed: _Optional[bool] = ...) -> None: ...

class LogprobsRequest(_message.Message):
    __slots__ = ("items", "model")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[_common_pb2.TokenContinuation]
    model: LogprobsModel
    def __init__(self, items: _Optional[_Iterable[_Union[_common_pb2.TokenContinuation, _Mapping]]] = ..., model: _Optional[_Union[LogprobsModel, str]] = ...) -> None: ...

class LogprobsResponse(_message.Message):
    __slots__ = ("results", "step")
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[_common_pb2.ContinuationLogprobs]
    step: int
    def __init__(self, results: _Optional[_Iterable[_Union[_common_pb2.ContinuationLogprobs, _Mapping]]] = ..., step: _Optional[int] = ...) -> None: ...

class SaveRequest(_message.Message):
    __slots__ = ("request_id", "path", "weights_only")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_ONLY_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    path: str
    weights_only: bool
    def __init__(self, request_id: _Optional[str] = ..., path: _Optional[str] = ..., weights_only: _Optional[bool] = ...) -> None: ...

class SaveResponse(_message.Message):
    __slots__ = ("checkpoint",)
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    checkpoint: _common_pb2.CheckpointRef
    def __init__(self, checkpoint: _Optional[_Union[_common_pb2.CheckpointRef, _Mapping]] = ...) -> None: ...

class LoadRequest(_message.Message):
    __slots__ = ("request_id", "path", "weights_only")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_ONLY_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    path: str
    weights_only: bool
    def __init__(self, request_id: _Optional[str] = ..., path: _Optional[str] = ..., weights_only: _Optional[bool] = ...) -> None: ...

class LoadResponse(_message.Message):
    __slots__ = ("checkpoint", "step")
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    checkpoint: _common_pb2.CheckpointRef
    step: int
    def __init__(self, checkpoint: _Optional[_Union[_common_pb2.CheckpointRef, _Mapping]] = ..., step: _Optional[int] = ...) -> None: ...

class ExportRequest(_message.Message):
    __slots__ = ("request_id", "output_dir", "model", "opset")
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_DIR_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    OPSET_FIELD_NUMBER: _ClassVar[int]
    request_id: str
    output_dir: str
    model: _common_pb2.ModelRef
    opset: int
    def __init__(self, request_id: _Optional[str] = ..., output_dir: _Optional[str] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., opset: _Optional[int] = ...) -> None: ...

class ExportResponse(_message.Message):
    __slots__ = ("model_path", "model", "step", "onnx_sha256", "max_abs_logit_diff", "elapsed")
    MODEL_PATH_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ONNX_SHA256_FIELD_NUMBER: _ClassVar[int]
    MAX_ABS_LOGIT_DIFF_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_FIELD_NUMBER: _ClassVar[int]
    model_path: str
    model: _common_pb2.ModelRef
    step: int
    onnx_sha256: str
    max_abs_logit_diff: float
    elapsed: _duration_pb2.Duration
    def __init__(self, model_path: _Optional[str] = ..., model: _Optional[_Union[_common_pb2.ModelRef, _Mapping]] = ..., step: _Optional[int] = ..., onnx_sha256: _Optional[str] = ..., max_abs_logit_diff: _Optional[float] = ..., elapsed: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class GetStatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class LearnerStatus(_message.Message):
    __slots__ = ("state", "run_id", "step", "parameter_count", "device", "world_size", "has_reference", "last_checkpoint", "framework_version", "error_message")
    STATE_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    PARAMETER_COUNT_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    WORLD_SIZE_FIELD_NUMBER: _ClassVar[int]
    HAS_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    LAST_CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    FRAMEWORK_VERSION_FIELD_NUMBER: _ClassVar[int]
    ERROR_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    state: LearnerState
    run_id: str
    step: int
    parameter_count: int
    device: str
    world_size: int
    has_reference: bool
    last_checkpoint: _common_pb2.CheckpointRef
    framework_version: str
    error_message: str
    def __init__(self, state: _Optional[_Union[LearnerState, str]] = ..., run_id: _Optional[str] = ..., step: _Optional[int] = ..., parameter_count: _Optional[int] = ..., device: _Optional[str] = ..., world_size: _Optional[int] = ..., has_reference: _Optional[bool] = ..., last_checkpoint: _Optional[_Union[_common_pb2.CheckpointRef, _Mapping]] = ..., framework_version: _Optional[str] = ..., error_message: _Optional[str] = ...) -> None: ...

class GetStatusResponse(_message.Message):
    __slots__ = ("status",)
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: LearnerStatus
    def __init__(self, status: _Optional[_Union[LearnerStatus, _Mapping]] = ...) -> None: ...
