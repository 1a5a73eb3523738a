import type { ChatMessage } from './chat-message';
import type { JsonObject } from './json-value';
import type { JudgeRef } from './model-ref';
import type { StoredQuestion, TaskFamily } from './question';
import type { Step, StepRef } from './step';
import type { Trajectory } from './trajectory';
import type { StepVerdict } from './verdict';

export type FilterStrategy = 'none' | 'process' | 'outcome' | 'process_and_outcome';

export const FILTER_STRATEGIES: readonly FilterStrategy[] = Object.freeze(['none', 'process', 'outcome', 'process_and_outcome']);

/** Why a filter rejected a trajectory (the proto's RejectionReason). */
export type RejectionReason = 'step_bad' | 'step_abstain' | 'outcome_wrong' | 'no_final_answer' | 'incomplete';

export const REJECTION_REASONS: readonly RejectionReason[] = Object.freeze([
  'step_bad',
  'step_abstain',
  'outcome_wrong',
  'no_final_answer',
  'incomplete',
]);

export interface TrajectoryRejection {
  readonly trajectoryId: string;
  readonly reasons: readonly RejectionReason[];
}

/** An immutable set of (state, action) examples made by a filter; created once, whole. */
export interface NewDatasetVersion {
  readonly id: string;
  readonly name: string;
  readonly filterStrategy: FilterStrategy;
  /** Process judge whose verdicts were used (process strategies). */
  readonly judge?: JudgeRef;
  /** Outcome grader whose verdicts were used (outcome strategies). */
  readonly grader?: JudgeRef;
  /** What was filtered: whole jobs and/or single trajectories. */
  readonly sourceJobIds: readonly string[];
  readonly sourceTrajectoryIds: readonly string[];
  /** The FILTER job that made it. */
  readonly filterJobId?: string;
  /** Filter counts (trajectories in/kept, steps in/kept, rates ...). */
  readonly stats: JsonObject;
  /** The examples: steps of kept trajectories. */
  readonly members: readonly StepRef[];
  /** One entry per rejected trajectory. */
  readonly rejections: readonly TrajectoryRejection[];
}

/** A stored dataset version without its member and rejection lists (those can be large). */
export interface DatasetVersion extends Omit<NewDatasetVersion, 'members' | 'rejections'> {
  readonly memberCount: number;
  readonly rejectionCount: number;
  readonly createdAt: Date;
}

/** One training example with its full lineage: step -> trajectory -> question -> model version. */
export interface DatasetExample {
  /** `<trajectory id>/<index>`. */
  readonly exampleId: string;
  /** The state s_i: the prompt plus earlier actions and observations. */
  readonly state: readonly ChatMessage[];
  /** The stored step; `step.model` is the model version that generated the action. */
  readonly step: Step;
  readonly trajectory: Trajectory;
  readonly question: StoredQuestion;
  /** The dataset judge's verdict on the step, when the dataset has a judge and it judged the step. */
  readonly verdict?: StepVerdict;
}

export interface ExampleQuery {
  readonly family?: TaskFamily;
  /** Start after this example (keyset paging, order: trajectory id, then index). */
  readonly after?: StepRef;
  /** Page size. @default 100 */
  readonly limit?: number;
}

export interface ExamplePage {
  readonly examples: readonly DatasetExample[];
  /** Pass as `after` for the next page; absent on the last page. */
  readonly next?: StepRef;
}
