/** Everything a pipeline report shows; `report.json` is this object, so every number is in it. */
export interface PipelineReport {
  readonly title: string;
  /** ISO time the report was written. */
  readonly createdAt: string;
  /** What ran: config, seeds, model/prompt/judge versions, machine. Shown as a table. */
  readonly provenance: Readonly<Record<string, string | number | boolean>>;
  /** Decoding used by the evaluation (e.g. "greedy", "temperature 1.0, 1 sample"). */
  readonly decoding: string;
  readonly evaluations: readonly EvaluationRow[];
  /** Base vs trained per family: the main result. */
  readonly comparisons: readonly ComparisonRow[];
  readonly filters: readonly FilterRow[];
  /** Training curves, one series per run. */
  readonly training: readonly TrainingCurve[];
  /** Process judge quality where truth is known (teacher labels). */
  readonly judgeQuality?: readonly JudgeQualityRow[];
  /** Ablation grid (filters x algorithms), when run. */
  readonly ablation?: readonly AblationRow[];
  /** Wall time per stage, seconds. */
  readonly stages: readonly StageTiming[];
  readonly notes?: readonly string[];
}

export interface EvaluationRow {
  /** Display label, e.g. "base" or "swirl (process)". */
  readonly model: string;
  readonly modelVersion: string;
  readonly family: string;
  readonly n: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly meanSteps: number;
  readonly malformedRate: number;
}

export interface ComparisonRow {
  readonly family: string;
  readonly baseModel: string;
  readonly trainedModel: string;
  readonly baseAccuracy: number;
  readonly trainedAccuracy: number;
  /** Questions only the trained model got right / only the base got right (paired). */
  readonly trainedOnly: number;
  readonly baseOnly: number;
  /** Questions both models were evaluated on (the pairs of the test); absent in report.json files written before it existed. */
  readonly paired?: number;
  /** Two-sided exact McNemar p-value on the discordant pairs. */
  readonly pValue: number;
  /** Whether the two 95% intervals do not overlap. */
  readonly intervalsSeparate: boolean;
  /** Whether this family's data trained the policy (in-family) or not (cross-family). */
  readonly trainedOnFamily: boolean;
}

export interface FilterRow {
  readonly strategy: string;
  readonly trajectories: number;
  readonly keptTrajectories: number;
  readonly steps: number;
  readonly keptSteps: number;
}

export interface TrainingCurve {
  readonly run: string;
  readonly algorithm: string;
  readonly points: readonly TrainingPoint[];
}

export interface TrainingPoint {
  readonly update: number;
  readonly reward?: number;
  readonly kl?: number;
  readonly loss?: number;
}

export interface JudgeQualityRow {
  readonly judge: string;
  readonly labelledSteps: number;
  readonly precision: number;
  readonly recall: number;
}

export interface AblationRow {
  readonly filter: string;
  readonly algorithm: string;
  readonly family: string;
  readonly n: number;
  readonly accuracy: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly examples: number;
}

export interface StageTiming {
  readonly stage: string;
  readonly seconds: number;
}
