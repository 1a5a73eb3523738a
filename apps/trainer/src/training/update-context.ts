import type { ModelRef } from '@swirl/proto';
import type { InferencePort, JudgePort } from '../clients/service-clients';
import type { RunDefinition } from '../store/run-definition';
import type { ExampleSchedule } from './example-schedule';
import type { LearnerSession } from './learner-session';
import type { DatasetExamples } from './training-example';
import type { UpdateMetrics } from './update-metrics';
import type { UpdateRecord } from './update-log';

/** What one update of a run works with. */
export interface UpdateContext {
  readonly run: RunDefinition;
  readonly examples: DatasetExamples;
  readonly schedule: ExampleSchedule;
  readonly session: LearnerSession;
  readonly inference: InferencePort;
  readonly judge: JudgePort;
  /** The policy version fresh actions come from (and whose tokenizer SFT uses). */
  readonly policy: ModelRef;
  /** The policy's context window in tokens. */
  readonly contextLength: number;
  readonly generateConcurrency: number;
  readonly judgeBatchSize: number;
  readonly attempt: number;
  readonly signal: AbortSignal;
}

/** Metrics of an update before the export and checkpoint that may follow it. */
export type UpdateMeasurement = Omit<UpdateMetrics, 'exported' | 'checkpointed'>;

export interface UpdateResult {
  readonly metrics: UpdateMeasurement;
  readonly record: UpdateRecord;
}

export const seconds = (fromMs: number, toMs: number) => (toMs - fromMs) / 1000;
