import type { EvaluationMetrics } from '@swirl/proto';
import type { TrajectoryFinishReason } from '@swirl/store';
import type { AnswerGrade } from './grade-answer';

/** One evaluated trajectory: how it ended and, unless it ended with ERROR, its grade. */
export interface GradedTrajectory {
  readonly trajectoryId: string;
  readonly questionId: string;
  readonly finishReason: TrajectoryFinishReason;
  readonly steps: number;
  /** undefined for ERROR trajectories (excluded from n). */
  readonly grade: AnswerGrade | undefined;
  /** Share of GOOD process verdicts on its steps; undefined without process labels. */
  readonly processLabelShare?: number;
}

/**
 * The normal-approximation interval the contract defines: margin = z * sqrt(p (1 - p) / n),
 * clipped to [0, 1]. (It collapses to zero width at p = 0 or 1; the report says so.)
 */
export function confidenceInterval(correct: number, n: number, z: number): { accuracy: number; margin: number; low: number; high: number } {
  if (n === 0) return { accuracy: 0, margin: 0, low: 0, high: 0 };
  const p = correct / n;
  const margin = z * Math.sqrt((p * (1 - p)) / n);
  return { accuracy: p, margin, low: Math.max(0, p - margin), high: Math.min(1, p + margin) };
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

export function evaluationMetrics(items: readonly GradedTrajectory[], z: number): EvaluationMetrics {
  const graded = items.filter((i) => i.grade !== undefined);
  const n = graded.length;
  const correct = graded.filter((i) => i.grade!.correct).length;
  const ci = confidenceInterval(correct, n, z);
  const share = (reason: TrajectoryFinishReason) => (n === 0 ? 0 : graded.filter((i) => i.finishReason === reason).length / n);
  const labelled = graded.filter((i) => i.processLabelShare !== undefined);
  return {
    n,
    correct,
    accuracy: ci.accuracy,
    ciMargin: ci.margin,
    ciLow: ci.low,
    ciHigh: ci.high,
    meanF1: mean(graded.map((i) => i.grade!.match.f1)),
    meanPrecision: mean(graded.map((i) => i.grade!.match.precision)),
    meanRecall: mean(graded.map((i) => i.grade!.match.recall)),
    exactMatchRate: n === 0 ? 0 : graded.filter((i) => i.grade!.match.exactMatch).length / n,
    processLabelAccuracy: labelled.length === 0 ? undefined : mean(labelled.map((i) => i.processLabelShare!)),
    meanSteps: mean(graded.map((i) => i.steps)),
    answeredRate: share('answered'),
    stepCapRate: share('step_cap'),
    malformedRate: share('malformed_action'),
    errors: items.length - n,
  };
}
