import { RunState, type CheckpointRef, type ModelRef, type Run } from '@swirl/proto';
import type { Checkpoint, RunStatus, TrainingRun } from '@swirl/store';
import type { RunDefinition } from '../store/run-definition';
import { toRunMetrics, type UpdateMetrics } from '../training/update-metrics';

export const RUN_STATES: Readonly<Record<RunStatus, RunState>> = {
  pending: RunState.RUN_STATE_PENDING,
  initializing: RunState.RUN_STATE_INITIALIZING,
  running: RunState.RUN_STATE_RUNNING,
  cancelling: RunState.RUN_STATE_CANCELLING,
  succeeded: RunState.RUN_STATE_SUCCEEDED,
  failed: RunState.RUN_STATE_FAILED,
  cancelled: RunState.RUN_STATE_CANCELLED,
};

export const RUN_STATUSES_BY_STATE = new Map<RunState, RunStatus>(Object.entries(RUN_STATES).map(([status, state]) => [state, status as RunStatus]));

/** What a run has produced so far, beyond its store record. */
export interface RunProgress {
  readonly completedUpdates: number;
  readonly latestMetrics?: UpdateMetrics;
  readonly latestModel?: ModelRef;
  readonly latestCheckpoint?: Checkpoint;
}

export function toCheckpointRef(c: Checkpoint): CheckpointRef {
  return {
    id: c.id,
    runId: c.runId,
    step: c.step,
    path: c.path,
    weightsSha256: c.weightsSha256 ?? '',
    hasOptimizerState: c.hasOptimizerState,
    sizeBytes: c.sizeBytes ?? 0,
    createTime: c.createdAt,
  };
}

/** The proto Run of a stored run and its progress. */
export function toRunProto(record: TrainingRun, definition: RunDefinition, progress: RunProgress): Run {
  return {
    id: record.id,
    displayName: definition.settings.displayName,
    state: RUN_STATES[record.status],
    datasetVersionId: record.datasetVersionId,
    baseModel: definition.baseModel,
    algorithm: definition.algorithm,
    hyperParameters: definition.hyperParameters,
    rewardJudge: record.rewardJudge === undefined ? '' : `${record.rewardJudge.id}@${record.rewardJudge.version}`,
    completedUpdates: progress.completedUpdates,
    totalUpdates: record.totalUpdates,
    latestMetrics: progress.latestMetrics === undefined ? undefined : toRunMetrics(progress.latestMetrics),
    latestModel: progress.latestModel,
    latestCheckpoint: progress.latestCheckpoint === undefined ? undefined : toCheckpointRef(progress.latestCheckpoint),
    requestId: record.requestId ?? '',
    createTime: record.createdAt,
    startTime: record.startedAt,
    endTime: record.endedAt,
    errorMessage: record.error ?? '',
  };
}
