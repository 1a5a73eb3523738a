import { pairedComparison, wilsonInterval, type ComparisonRow, type EvaluationRow, type FilterRow, type PipelineReport, type TrainingCurve } from '@swirl/report';
import type { EvaluationReport, ModelRef } from '@swirl/proto';
import type { EvaluationRow as TrajectoryRow } from './evaluation-rows';
import type { PipelineConfig } from './pipeline-config';
import type { PipelineOutcome } from './run-pipeline';

/** One family's evaluation job result (all models on the same questions). */
export interface FamilyEvaluation {
  readonly family: string;
  readonly report: EvaluationReport;
  /** Every evaluated trajectory, for the paired tests. */
  readonly rows: readonly TrajectoryRow[];
}

const key = (m: ModelRef | undefined) => `${m?.name ?? ''}@${m?.version ?? ''}`;

/** Per-question correctness of one model (a question counts as correct if its sample is). */
function correctness(rows: readonly TrajectoryRow[], model: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const row of rows) if (row.model === model) out.set(row.taskId, (out.get(row.taskId) ?? false) || row.correct === true);
  return out;
}

/** Builds the report object (every number of report.json/.md/.html) from a pipeline outcome. */
export function assembleReport(config: PipelineConfig, outcome: PipelineOutcome, extra: { decoding: string; provenance: Record<string, string | number | boolean> }): PipelineReport {
  const labelOf = new Map<string, string>([[key(config.policy), 'base']]);
  for (const v of outcome.variants) labelOf.set(key(v.model), v.label);
  const evaluations: EvaluationRow[] = [];
  const comparisons: ComparisonRow[] = [];
  for (const { family, report, rows } of outcome.evaluations) {
    const byModel = new Map<string, EvaluationRow>();
    for (const model of report.models) {
      const m = model.overall!;
      const ci = wilsonInterval(m.correct, m.n);
      const row: EvaluationRow = {
        model: labelOf.get(key(model.model)) ?? key(model.model),
        modelVersion: model.model?.version ?? '',
        family,
        n: m.n,
        correct: m.correct,
        accuracy: m.accuracy,
        ciLow: ci.low,
        ciHigh: ci.high,
        meanSteps: m.meanSteps,
        malformedRate: m.malformedRate,
      };
      evaluations.push(row);
      byModel.set(key(model.model), row);
    }
    const base = byModel.get(key(config.policy));
    for (const variant of outcome.variants) {
      const trained = byModel.get(key(variant.model));
      if (base === undefined || trained === undefined) continue;
      const paired = pairedComparison(correctness(rows, key(config.policy)), correctness(rows, key(variant.model)));
      comparisons.push({
        family,
        baseModel: 'base',
        trainedModel: variant.label,
        baseAccuracy: base.accuracy,
        trainedAccuracy: trained.accuracy,
        trainedOnly: paired.trainedOnly,
        baseOnly: paired.baseOnly,
        paired: paired.paired,
        pValue: paired.pValue,
        intervalsSeparate: trained.ciLow > base.ciHigh || base.ciLow > trained.ciHigh,
        trainedOnFamily: family === config.trainFamily,
      });
    }
  }
  const filters: FilterRow[] = [];
  const seen = new Set<string>();
  for (const v of outcome.variants) {
    if (seen.has(v.filter)) continue;
    seen.add(v.filter);
    const stats = v.filterJob.result?.result?.$case === 'filter' ? v.filterJob.result.result.value.datasetVersion?.stats : undefined;
    if (stats === undefined) continue;
    filters.push({ strategy: v.filter, trajectories: stats.trajectoriesIn, keptTrajectories: stats.trajectoriesKept, steps: stats.stepsIn, keptSteps: stats.stepsKept });
  }
  const training: TrainingCurve[] = outcome.variants.map((v) => ({
    run: v.training.run.id,
    algorithm: v.label,
    points: v.training.metrics.map((m) => ({ update: m.update, reward: m.meanReward, kl: m.kl, loss: m.loss })),
  }));
  return {
    title: `swirl pipeline "${config.name}"`,
    createdAt: new Date().toISOString(),
    provenance: extra.provenance,
    decoding: extra.decoding,
    evaluations,
    comparisons,
    filters,
    training,
    stages: outcome.stages,
  };
}
