import type { StepToJudge } from '@swirl/judging';
import type { ModelRef, Verdict } from '@swirl/proto';
import type { ReplyBudget } from '../rpc/reply-budget';

/** A fresh verdict and whether it may be cached (a verdict cut short by a deadline may not). */
export interface FreshVerdict {
  readonly verdict: Verdict;
  readonly cacheable: boolean;
  /** Why an LLM item abstained (timeout, unreadable, tie, context), for metrics. */
  readonly abstainReason?: string;
}

/** A process judge set up for one request: its concrete version, votes and model. */
export interface PreparedProcessJudge {
  /** Stamped on verdicts and part of the cache key. */
  readonly version: string;
  readonly samples: number;
  judge(step: StepToJudge, cacheKey: string, budget: ReplyBudget): Promise<FreshVerdict>;
}

/** A configured process judge (JudgeInfo of kind PROCESS). */
export interface ProcessJudge {
  readonly id: string;
  readonly backend: 'rules' | 'llm';
  readonly description: string;
  readonly defaultSamples: number;
  /** Configured model of an LLM judge. */
  readonly model?: ModelRef;
  /** Version as listed by ListJudges (an LLM judge's model version may change at each request). */
  readonly listedVersion: string;
  prepare(request: { readonly samples: number; readonly model?: ModelRef }, budget: ReplyBudget): Promise<PreparedProcessJudge>;
}
