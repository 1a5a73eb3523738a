import { JobKind as ProtoJobKind, JobState, type JobSpec } from '@swirl/proto';
import type { JobKind, JobStatus } from '@swirl/store';

type SpecCase = NonNullable<JobSpec['spec']>['$case'];

const KIND_OF_CASE: Readonly<Record<SpecCase, JobKind>> = { synthesize: 'synthesize', judge: 'judge', filter: 'filter', evaluate: 'evaluate', pipeline: 'pipeline' };

const KIND_TO_PROTO: Readonly<Record<JobKind, ProtoJobKind>> = {
  synthesize: ProtoJobKind.JOB_KIND_SYNTHESIZE,
  judge: ProtoJobKind.JOB_KIND_JUDGE,
  filter: ProtoJobKind.JOB_KIND_FILTER,
  evaluate: ProtoJobKind.JOB_KIND_EVALUATE,
  pipeline: ProtoJobKind.JOB_KIND_PIPELINE,
  train: ProtoJobKind.JOB_KIND_TRAIN,
};

const STATUS_TO_PROTO: Readonly<Record<JobStatus, JobState>> = {
  pending: JobState.JOB_STATE_PENDING,
  running: JobState.JOB_STATE_RUNNING,
  succeeded: JobState.JOB_STATE_SUCCEEDED,
  failed: JobState.JOB_STATE_FAILED,
  cancelling: JobState.JOB_STATE_CANCELLING,
  cancelled: JobState.JOB_STATE_CANCELLED,
};

export function kindOfSpec(spec: JobSpec): JobKind | undefined {
  return spec.spec === undefined ? undefined : KIND_OF_CASE[spec.spec.$case];
}

export function kindToProto(kind: JobKind): ProtoJobKind {
  return KIND_TO_PROTO[kind];
}

/** undefined for UNSPECIFIED (any kind); throws nothing: unknown numbers also mean "no match". */
export function kindFromProto(kind: ProtoJobKind): JobKind | undefined {
  return (Object.keys(KIND_TO_PROTO) as JobKind[]).find((k) => KIND_TO_PROTO[k] === kind);
}

export function statusToProto(status: JobStatus): JobState {
  return STATUS_TO_PROTO[status];
}

export function statusFromProto(state: JobState): JobStatus | undefined {
  return (Object.keys(STATUS_TO_PROTO) as JobStatus[]).find((s) => STATUS_TO_PROTO[s] === state);
}
