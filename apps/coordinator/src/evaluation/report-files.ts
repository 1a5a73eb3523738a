import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EvaluationReport, type EvaluationMetrics } from '@swirl/proto';
import { familyFromProto } from '../convert/task-family';

/** Per-trajectory rows of report.json: every number of the report traces back to these. */
export interface ReportRow {
  readonly model: string;
  readonly trajectoryId: string;
  readonly taskId: string;
  readonly family: string;
  readonly dataset: string;
  readonly finishReason: string;
  readonly steps: number;
  readonly answer: string | null;
  readonly correct: boolean | null;
  readonly f1: number | null;
}

export interface ReportContext {
  readonly jobId: string;
  readonly taskSource: string;
  readonly tasks: number;
  readonly samplesPerTask: number;
  /** Why process labels are missing, when they are. */
  readonly processLabelNote: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, d = 3) => x.toFixed(d);

function metricsLine(name: string, m: EvaluationMetrics): string {
  const process = m.processLabelAccuracy === undefined ? 'n/a' : num(m.processLabelAccuracy);
  return `| ${name} | ${m.n} | ${m.correct} | ${num(m.accuracy)} ± ${num(m.ciMargin)} | ${num(m.ciLow)}-${num(m.ciHigh)} | ${num(m.meanF1)} | ${num(m.exactMatchRate)} | ${num(m.meanSteps, 2)} | ${pct(m.answeredRate)} | ${pct(m.stepCapRate)} | ${pct(m.malformedRate)} | ${m.errors} | ${process} |`;
}

export function reportMarkdown(report: EvaluationReport, context: ReportContext): string {
  const s = report.sampling;
  const lines = [
    `# Evaluation ${context.jobId}`,
    '',
    `Tasks: ${context.tasks} from ${context.taskSource}, ${context.samplesPerTask} trajectory(ies) per task and model.`,
    `Decoding: ${(s?.temperature ?? 0) === 0 ? 'greedy (temperature 0)' : `sampled, temperature ${s?.temperature}, seed ${s?.seed}`}, at most ${s?.maxNewTokens} new tokens per action.`,
    `Step caps: ${report.stepCaps?.multiHopQa} (multi-hop QA), ${report.stepCaps?.math} (math). Grader: ${report.grader}.`,
    `Confidence intervals: normal approximation, margin = ${report.confidenceZ} * sqrt(p (1 - p) / n) (zero width when p is 0 or 1).`,
    `Process-label accuracy: ${report.processJudge === '' ? context.processLabelNote : report.processJudge}.`,
    '',
  ];
  const header = '| slice | n | correct | accuracy | CI | mean F1 | EM | mean steps | answered | step cap | malformed | errors | process labels |';
  for (const model of report.models) {
    lines.push(`## ${model.model?.name}@${model.model?.version}`, '', header, '|' + ' --- |'.repeat(13));
    lines.push(metricsLine('all', model.overall!));
    for (const slice of model.slices) lines.push(metricsLine(`${familyFromProto(slice.family) ?? '?'} / ${slice.dataset}`, slice.metrics!));
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes report.json (the report, its context and every trajectory's row) and report.md. */
export function writeReportFiles(dir: string, report: EvaluationReport, context: ReportContext, rows: readonly ReportRow[]): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const markdown = join(dir, 'report.md');
  const withPaths = { ...report, reportJsonPath: json, reportMarkdownPath: markdown };
  writeFileSync(json, JSON.stringify({ context, report: EvaluationReport.toJSON(withPaths), trajectories: rows }, null, 2) + '\n');
  writeFileSync(markdown, reportMarkdown(withPaths, context) + '\n');
  return { json, markdown };
}
