import type { InferenceServiceClient } from '@swirl/proto';
import type { TrajectoryStore } from '@swirl/store';
import type { CoordinatorMetrics } from '../metrics/coordinator-metrics';
import type { Policy } from '../synthesis/policy';
import type { ToolRunner } from '../synthesis/tool-runner';
import type { TaskLoaderDeps } from '../tasks/load-tasks';

/** What jobs that run the live loop (SYNTHESIZE, EVALUATE) need. */
export interface RolloutJobDeps {
  readonly store: TrajectoryStore;
  /** For resolving model versions at StartJob. */
  readonly inference: InferenceServiceClient;
  readonly policy: Policy;
  readonly tools: ToolRunner;
  readonly tasks: TaskLoaderDeps;
  /** Hits per search call. */
  readonly searchTopK: number;
  readonly metrics: CoordinatorMetrics;
}
