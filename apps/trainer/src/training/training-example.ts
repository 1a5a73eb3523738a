import { ChatRole, TaskFamily, type ChatMessage } from '@swirl/proto';
import { stepId, type ChatMessage as StoredChatMessage, type DatasetExample, type DatasetStore, type StepRef, type TaskFamily as StoredFamily } from '@swirl/store';

/** One (state, action) example of a dataset version, in the form a run uses it. */
export interface TrainingExample {
  /** `<trajectory id>/<step index>`. */
  readonly id: string;
  readonly taskId: string;
  readonly family: TaskFamily;
  /** The state s_i as chat messages. */
  readonly state: readonly ChatMessage[];
  /** The state's token ids as fed to the policy, when the store has them. */
  readonly stateTokenIds?: readonly number[];
  /** The stored action a_i (SFT's target). */
  readonly actionText: string;
  /** Token ids of a_i as generated; empty when not recorded. */
  readonly actionTokenIds: readonly number[];
}

const ROLES: Readonly<Record<StoredChatMessage['role'], ChatRole>> = {
  system: ChatRole.CHAT_ROLE_SYSTEM,
  user: ChatRole.CHAT_ROLE_USER,
  assistant: ChatRole.CHAT_ROLE_ASSISTANT,
  tool: ChatRole.CHAT_ROLE_TOOL,
};

const FAMILIES: Readonly<Record<StoredFamily, TaskFamily>> = {
  multihop: TaskFamily.TASK_FAMILY_MULTI_HOP_QA,
  math: TaskFamily.TASK_FAMILY_MATH,
};

export function toTrainingExample(example: DatasetExample): TrainingExample {
  const prefixIds = example.step.prefix.tokenIds;
  return {
    id: example.exampleId,
    taskId: example.question.id,
    family: FAMILIES[example.question.family],
    state: example.state.map((m) => ({ role: ROLES[m.role], content: m.content })),
    ...(prefixIds !== undefined && prefixIds.length > 0 ? { stateTokenIds: Array.from(prefixIds) } : {}),
    actionText: example.step.action.text,
    actionTokenIds: Array.from(example.step.actionTokenIds),
  };
}

/**
 * The examples of a dataset version, fetched a batch at a time. Only their keys stay in memory
 * (a dataset of the paper's size holds ~250k states whose prefixes grow with every step), in
 * the store's stable order (trajectory id, step index), so example i is always the same one.
 */
export class DatasetExamples {
  private constructor(
    private readonly store: Pick<DatasetStore, 'listDatasetExamples'>,
    private readonly datasetVersionId: string,
    private readonly refs: readonly StepRef[],
  ) {}

  static async open(store: Pick<DatasetStore, 'streamDatasetExamples' | 'listDatasetExamples'>, datasetVersionId: string): Promise<DatasetExamples> {
    const refs: StepRef[] = [];
    for await (const example of store.streamDatasetExamples(datasetVersionId, { limit: 500 })) refs.push({ trajectoryId: example.trajectory.id, index: example.step.index });
    return new DatasetExamples(store, datasetVersionId, refs);
  }

  get size(): number {
    return this.refs.length;
  }

  /** The examples at these positions, in order (keyset reads: after the previous key, one row). */
  async batch(positions: readonly number[]): Promise<TrainingExample[]> {
    return Promise.all(
      positions.map(async (i) => {
        if (!(i >= 0 && i < this.refs.length)) throw new RangeError(`example ${i} is outside 0..${this.refs.length - 1}`);
        const { examples } = await this.store.listDatasetExamples(this.datasetVersionId, { ...(i > 0 ? { after: this.refs[i - 1] } : {}), limit: 1 });
        const example = examples[0];
        const ref = this.refs[i]!;
        if (example === undefined || example.trajectory.id !== ref.trajectoryId || example.step.index !== ref.index) {
          throw new Error(`dataset version ${this.datasetVersionId} changed under the run: example ${i} is no longer ${stepId(ref)}`);
        }
        return toTrainingExample(example);
      }),
    );
  }
}
