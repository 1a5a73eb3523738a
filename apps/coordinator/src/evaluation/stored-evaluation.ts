import { createHash } from 'node:crypto';
import type { SamplingParams } from '@swirl/proto';
import type { ModelRef, NewEvaluation, TaskFamily } from '@swirl/store';
import { evaluationMetrics, type GradedTrajectory } from './evaluation-metrics';

export interface StoredEvaluationInput {
  readonly jobId: string;
  readonly model: ModelRef;
  readonly family: TaskFamily;
  readonly split: string;
  readonly items: readonly GradedTrajectory[];
  readonly sampling: SamplingParams;
  readonly grader: string;
  readonly z: number;
}

/** Ids stable across a resumed job: one evaluation per (job, model, family). */
export function evaluationId(jobId: string, model: ModelRef, family: TaskFamily): string {
  return `eval-${createHash('sha256').update(`${jobId}\u0000${model.name}@${model.version}\u0000${family}`).digest('hex').slice(0, 32)}`;
}

/** The store's evaluation record: the slice's numbers and every graded trajectory behind them. */
export function storedEvaluation(input: StoredEvaluationInput): NewEvaluation {
  const m = evaluationMetrics(input.items, input.z);
  const temperature = input.sampling.temperature ?? 0;
  return {
    id: evaluationId(input.jobId, input.model, input.family),
    jobId: input.jobId,
    model: input.model,
    split: input.split,
    family: input.family,
    n: m.n,
    correct: m.correct,
    accuracy: m.accuracy,
    ciLow: m.ciLow,
    ciHigh: m.ciHigh,
    decodingMode: temperature === 0 ? 'greedy' : 'sampled',
    sampling: { temperature, max_new_tokens: input.sampling.maxNewTokens, ...(input.sampling.seed === undefined ? {} : { seed: input.sampling.seed }) },
    grader: input.grader,
    metrics: {
      ci_margin: m.ciMargin,
      mean_f1: m.meanF1,
      mean_precision: m.meanPrecision,
      mean_recall: m.meanRecall,
      exact_match_rate: m.exactMatchRate,
      mean_steps: m.meanSteps,
      answered_rate: m.answeredRate,
      step_cap_rate: m.stepCapRate,
      malformed_rate: m.malformedRate,
      errors: m.errors,
      confidence_z: input.z,
    },
    results: input.items.filter((i) => i.grade !== undefined).map((i) => ({ questionId: i.questionId, trajectoryId: i.trajectoryId, correct: i.grade!.correct, score: i.grade!.score })),
  };
}
