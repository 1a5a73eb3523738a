import type { JudgeInfo, StepJudgeItem, TaskFamily as ProtoTaskFamily } from '@swirl/proto';
import { VerdictLabel } from '@swirl/proto';
import { buildStepState, type StepRef, type StoredQuestion, type TrajectoryStore, type TrajectoryWithSteps, type VerdictLabel as StoreLabel } from '@swirl/store';
import { chatMessagesToProto } from '../convert/chat-messages';
import { familyToProto } from '../convert/task-family';
import { JUDGE_LIMITS, type JudgeCalls } from './judge-calls';
import { stepVerdictRecord } from './verdict-records';

export interface StepJudging {
  readonly judge: JudgeInfo;
  /** Votes per step for LLM judges; 0: the judge's default. */
  readonly samples: number;
  /** Ask again where a verdict of this judge version is stored (and bypass the judge's cache). */
  readonly rejudge: boolean;
}

/** What happened to one step: its label, and whether it came from the store or the judge's cache. */
export type StepOutcome = { readonly label: StoreLabel; readonly reused: boolean };

const LABEL: Readonly<Partial<Record<VerdictLabel, StoreLabel>>> = { [VerdictLabel.VERDICT_LABEL_GOOD]: 'GOOD', [VerdictLabel.VERDICT_LABEL_BAD]: 'BAD', [VerdictLabel.VERDICT_LABEL_ABSTAIN]: 'ABSTAIN' };

/**
 * Process-judges the steps of stored trajectories through JudgeSteps in batches of at most 256,
 * storing each batch's verdicts as it returns. Steps that already have a verdict of the same
 * judge version are answered from the store (unless rejudging), so repeated and resumed work
 * asks the judge only for what is missing.
 */
export class StepJudgeBatcher {
  private readonly pending: { ref: StepRef; item: StepJudgeItem }[] = [];

  constructor(
    private readonly store: TrajectoryStore,
    private readonly calls: JudgeCalls,
    private readonly judging: StepJudging,
    private readonly signal: AbortSignal,
    private readonly onStep: (ref: StepRef, outcome: StepOutcome) => void,
  ) {}

  async addTrajectory(trajectory: TrajectoryWithSteps, question: StoredQuestion): Promise<void> {
    const { judge } = this.judging;
    const stored = this.judging.rejudge ? [] : await this.store.listStepVerdicts({ trajectoryId: trajectory.id, judge: { id: judge.id, version: judge.version } });
    const task = { id: question.id, family: familyToProto(question.family) as ProtoTaskFamily, question: question.text, goldAnswers: [], dataset: '', split: '', corpus: '', metadata: undefined };
    for (const step of trajectory.steps) {
      const ref = { trajectoryId: trajectory.id, index: step.index };
      const verdict = stored.find((v) => v.step.index === step.index);
      if (verdict !== undefined) {
        this.onStep(ref, { label: verdict.label, reused: true });
        continue;
      }
      const prefix = chatMessagesToProto(buildStepState(trajectory.prompt, trajectory.steps, step.index));
      this.pending.push({ ref, item: { itemId: `${trajectory.id}/${step.index}`, prefix, actionText: step.action.text, task } });
      if (this.pending.length >= JUDGE_LIMITS.steps) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0);
    const res = await this.calls.judgeSteps({ judgeId: this.judging.judge.id, samples: this.judging.samples, items: batch.map((b) => b.item), bypassCache: this.judging.rejudge, judgeModel: undefined }, this.signal);
    await this.store.recordStepVerdicts(res.judgments.map((r, i) => stepVerdictRecord(batch[i]!.ref, r.verdict!)));
    res.judgments.forEach((r, i) => this.onStep(batch[i]!.ref, { label: LABEL[r.verdict!.label] ?? 'ABSTAIN', reused: r.cacheHit }));
  }
}
