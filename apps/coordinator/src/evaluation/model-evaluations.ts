import type { ModelEvaluation, ModelRef } from '@swirl/proto';
import type { TaskFamily, Trajectory } from '@swirl/store';
import { familyToProto } from '../convert/task-family';
import type { RolloutPlan } from '../synthesis/rollout-plan';
import { evaluationMetrics, type GradedTrajectory } from './evaluation-metrics';
import type { ReportRow } from './report-files';

const sameModel = (a: ModelRef, b: ModelRef) => a.name === b.name && a.version === b.version;

/** The plans of one model. */
export function plansOfModel(plans: readonly RolloutPlan[], model: ModelRef): RolloutPlan[] {
  return plans.filter((p) => sameModel(p.model, model));
}

/** Metrics of one model overall and per (family, dataset) slice, slices sorted by family then dataset. */
export function modelEvaluation(model: ModelRef, plans: readonly RolloutPlan[], graded: ReadonlyMap<string, GradedTrajectory>, z: number): ModelEvaluation {
  const mine = plansOfModel(plans, model);
  const gradedOf = (ps: readonly RolloutPlan[]) => ps.map((p) => graded.get(p.trajectoryId)!);
  const keys = [...new Set(mine.map((p) => `${p.task.family}\u0000${p.task.dataset}`))].sort();
  return {
    model,
    overall: evaluationMetrics(gradedOf(mine), z),
    slices: keys.map((key) => {
      const [family, dataset] = key.split('\u0000') as [TaskFamily, string];
      return { family: familyToProto(family), dataset, metrics: evaluationMetrics(gradedOf(mine.filter((p) => p.task.family === family && p.task.dataset === dataset)), z) };
    }),
    // Needs ground-truth step labels and a process judge; neither is available to live trajectories here.
    judgeQuality: undefined,
  };
}

/** One report.json row per evaluated trajectory. */
export function reportRows(plans: readonly RolloutPlan[], graded: ReadonlyMap<string, GradedTrajectory>, trajectories: ReadonlyMap<string, Trajectory>): ReportRow[] {
  return plans.map((p) => {
    const g = graded.get(p.trajectoryId)!;
    return {
      model: `${p.model.name}@${p.model.version}`,
      trajectoryId: p.trajectoryId,
      taskId: p.task.id,
      family: p.task.family,
      dataset: p.task.dataset,
      finishReason: g.finishReason,
      steps: g.steps,
      answer: trajectories.get(p.trajectoryId)?.finalAnswer ?? null,
      correct: g.grade?.correct ?? null,
      f1: g.grade?.match.f1 ?? null,
    };
  });
}
