import type { JudgeInfo } from '@swirl/proto';
import type { TrajectoryStore } from '@swirl/store';
import type { JudgeCalls } from './judge-calls';
import { StepJudgeBatcher } from './step-judge-batcher';

/**
 * Process-label accuracy inputs: for every given trajectory with steps, the share of its steps
 * the process judge calls GOOD (method section 5). Verdicts are stored on the steps; ones already
 * stored for this judge version are reused.
 */
export async function processLabelShares(store: TrajectoryStore, calls: JudgeCalls, judge: JudgeInfo, trajectoryIds: readonly string[], signal: AbortSignal): Promise<Map<string, number>> {
  const counts = new Map<string, { good: number; all: number }>();
  const batcher = new StepJudgeBatcher(store, calls, { judge, samples: 0, rejudge: false }, signal, (ref, outcome) => {
    const c = counts.get(ref.trajectoryId) ?? { good: 0, all: 0 };
    c.all += 1;
    if (outcome.label === 'GOOD') c.good += 1;
    counts.set(ref.trajectoryId, c);
  });
  for (const id of trajectoryIds) {
    const t = (await store.getTrajectory(id))!;
    await batcher.addTrajectory(t, (await store.getQuestion(t.questionId))!);
  }
  await batcher.flush();
  return new Map([...counts].map(([id, c]) => [id, c.good / c.all]));
}
