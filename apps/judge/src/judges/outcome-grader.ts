import type { TaskFamily } from '@swirl/judging';
import type { ModelRef, OutcomeGrader, OutcomeVerdict } from '@swirl/proto';
import type { ReplyBudget } from '../rpc/reply-budget';

/** One answer to grade, as the graders see it. */
export interface AnswerToGrade {
  readonly predicted: string;
  readonly golds: readonly string[];
  readonly question: string;
  readonly family?: TaskFamily;
  readonly f1Threshold: number;
}

export interface FreshOutcome {
  readonly verdict: OutcomeVerdict;
  readonly cacheable: boolean;
  readonly abstainReason?: string;
}

export interface PreparedGrader {
  readonly version: string;
  readonly samples: number;
  /** Only the LLM grader reads the question; the others leave it out of their cache keys. */
  readonly readsQuestion: boolean;
  grade(item: AnswerToGrade, cacheKey: string, budget: ReplyBudget): Promise<FreshOutcome>;
}

/** A configured outcome grader (JudgeInfo of kind OUTCOME). */
export interface OutcomeGraderBackend {
  readonly id: string;
  readonly grader: OutcomeGrader;
  readonly backend: 'rules' | 'llm';
  readonly description: string;
  readonly defaultSamples: number;
  readonly model?: ModelRef;
  readonly listedVersion: string;
  prepare(request: { readonly samples: number; readonly model?: ModelRef }, budget: ReplyBudget): Promise<PreparedGrader>;
}
