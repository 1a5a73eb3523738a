import type { Verdict } from '@swirl/proto';
import type { JudgePort } from '../clients/service-clients';
import type { SampledGroup } from './sample-groups';

export interface RewardOptions {
  /** Process judge id; empty: the judge service's default. */
  readonly judgeId: string;
  /** Votes per reward; 0: the judge's default. */
  readonly samples: number;
  /** Items per JudgeSteps call (at most 256). */
  readonly batchSize: number;
  readonly signal?: AbortSignal;
}

/**
 * The process judge's verdict on every sampled action: it sees the state and the fresh action
 * only (never executed, no gold answer). Returns verdicts aligned with groups and completions.
 */
export async function rewardGroups(judge: JudgePort, groups: readonly SampledGroup[], options: RewardOptions): Promise<Verdict[][]> {
  const items = groups.flatMap((group) =>
    group.completions.map((completion) => ({
      itemId: `${group.position}/${completion.index}`,
      prefix: [...group.example.state],
      actionText: completion.text,
      task: { id: group.example.taskId, family: group.example.family, question: '', goldAnswers: [], dataset: '', split: '', corpus: '', metadata: undefined },
    })),
  );
  const verdicts = new Map<string, Verdict>();
  const calls: Promise<void>[] = [];
  for (let start = 0; start < items.length; start += options.batchSize) {
    const chunk = items.slice(start, start + options.batchSize);
    calls.push(
      judge.judgeSteps({ judgeId: options.judgeId, samples: options.samples, items: chunk, bypassCache: false, judgeModel: undefined }, options.signal).then((response) => {
        if (response.judgments.length !== chunk.length) throw new Error(`the judge returned ${response.judgments.length} judgments for ${chunk.length} items`);
        response.judgments.forEach((j, i) => {
          if (j.verdict === undefined) throw new Error(`the judge returned no verdict for item ${chunk[i]!.itemId}`);
          verdicts.set(chunk[i]!.itemId, j.verdict);
        });
      }),
    );
  }
  await Promise.all(calls);
  return groups.map((group) => group.completions.map((c) => verdicts.get(`${group.position}/${c.index}`)!));
}
