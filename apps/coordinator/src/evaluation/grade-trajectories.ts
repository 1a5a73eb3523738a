import { invalidArgument } from '@swirl/grpc-kit';
import type { NewOutcomeVerdict, TaskFamily, Trajectory } from '@swirl/store';
import type { RolloutPlan } from '../synthesis/rollout-plan';
import type { GradedTrajectory } from './evaluation-metrics';
import { gradeAnswer, LOCAL_GRADER_VERSION, type LocalGrader } from './grade-answer';

export interface GradedRollouts {
  /** By trajectory id. */
  readonly graded: ReadonlyMap<string, GradedTrajectory>;
  /** One outcome verdict per graded trajectory, ready for the store. */
  readonly verdicts: readonly NewOutcomeVerdict[];
}

/**
 * Grades the final answer of every planned (and finished) trajectory against its task's gold
 * answers. Trajectories that ended with ERROR are not graded (the metrics count them apart).
 */
export function gradeTrajectories(plans: readonly RolloutPlan[], trajectories: ReadonlyMap<string, Trajectory>, graderFor: (family: TaskFamily) => LocalGrader): GradedRollouts {
  const graded = new Map<string, GradedTrajectory>();
  const verdicts: NewOutcomeVerdict[] = [];
  for (const plan of plans) {
    const t = trajectories.get(plan.trajectoryId);
    if (t?.finishReason === undefined) throw new Error(`trajectory ${plan.trajectoryId} of the evaluation did not finish`);
    const task = plan.task;
    if (task.goldAnswers.length === 0) throw invalidArgument(`task ${task.id} has no gold answers, so it cannot be evaluated`);
    const grade = t.finishReason === 'error' ? undefined : gradeAnswer(t.finalAnswer, task.goldAnswers, graderFor(task.family));
    graded.set(t.id, { trajectoryId: t.id, questionId: task.id, finishReason: t.finishReason, steps: t.stepCount, grade });
    if (grade === undefined) continue;
    const m = grade.match;
    verdicts.push({
      trajectoryId: t.id,
      graderId: grade.grader,
      graderVersion: LOCAL_GRADER_VERSION,
      correct: grade.correct,
      score: grade.score,
      rationale: grade.rationale,
      predictedAnswer: t.finalAnswer ?? '',
      details: { f1: m.f1, precision: m.precision, recall: m.recall, exact_match: m.exactMatch, matched_gold_answer: m.matchedGold },
    });
  }
  return { graded, verdicts };
}
