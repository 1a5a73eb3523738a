import { JobResult } from '@swirl/proto';
import { isTerminalJobStatus, type Job, type JobKind, type JsonObject, type TrajectoryStore } from '@swirl/store';
import { jobResultOf, jobResultToJson } from './job-config';

/** The stages of a PIPELINE job, in order; also the values of its JobProgress.stage. */
export type PipelineStage = 'synthesize' | 'judge' | 'filter' | 'train' | 'evaluate';

export const PIPELINE_STAGES: readonly PipelineStage[] = Object.freeze(['synthesize', 'judge', 'filter', 'train', 'evaluate']);

/**
 * Where a pipeline keeps what survives a restart: one stage job per stage, a child of the
 * pipeline job in the store (`parentJobId`), with a deterministic id. Its config is the stage's
 * resolved spec (or, for `train`, the trainer run it follows); its status says whether the stage
 * finished; its result is the stage's result. The rollout stages store their trajectories under
 * the stage job's id, and the filter stage's dataset version id derives from it, so a resumed
 * pipeline skips finished stages and continues the unfinished one where it stopped.
 */
export class PipelineStageJobs {
  constructor(
    private readonly store: TrajectoryStore,
    readonly pipelineJobId: string,
  ) {}

  id(stage: PipelineStage): string {
    return `${this.pipelineJobId}-${stage}`;
  }

  get(stage: PipelineStage): Promise<Job | undefined> {
    return this.store.getJob(this.id(stage));
  }

  /** Creates the stage job (a repeat with the same config finds the stored one) and marks it running. */
  async begin(stage: PipelineStage, config: JsonObject): Promise<Job> {
    const kind: JobKind = stage;
    await this.store.createJob({ id: this.id(stage), kind, displayName: `${stage} stage of ${this.pipelineJobId}`, config, parentJobId: this.pipelineJobId });
    return this.store.transitionJob(this.id(stage), { status: 'running' });
  }

  async succeed(stage: PipelineStage, result: JobResult): Promise<void> {
    await this.store.transitionJob(this.id(stage), { status: 'succeeded', result: jobResultToJson(result) });
  }

  /** Marks the stage failed; nothing to mark when it failed before its stage job existed. */
  async fail(stage: PipelineStage, error: string): Promise<void> {
    const job = await this.get(stage);
    if (job === undefined || isTerminalJobStatus(job.status)) return;
    await this.store.transitionJob(job.id, { status: 'failed', error: error || 'failed' });
  }

  /** Marks the stage cancelled and ends its trajectories still in flight CANCELLED. */
  async cancel(stage: PipelineStage): Promise<void> {
    const job = await this.get(stage);
    if (job === undefined || isTerminalJobStatus(job.status)) return;
    for (const t of await this.store.listUnfinishedTrajectories(job.id)) await this.store.finishTrajectory(t.id, { finishReason: 'cancelled' });
    await this.store.transitionJob(job.id, { status: 'cancelled' });
  }

  /** Cancels every stage that has not ended (a pipeline found CANCELLING at start-up). */
  async cancelUnfinished(): Promise<void> {
    for (const stage of PIPELINE_STAGES) await this.cancel(stage);
  }
}

/** The stored result of a finished stage job. */
export function stageResultOf(job: Job): JobResult['result'] {
  return jobResultOf(job)?.result;
}
