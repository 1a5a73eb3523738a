import type { PipelineReport } from './report-data';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const interval = (low: number, high: number) => `[${pct(low)}, ${pct(high)}]`;
const pValue = (p: number) => (p < 0.0001 ? '< 0.0001' : p.toFixed(4));

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The report as Markdown: the main comparison first, then the details behind it. */
export function renderMarkdown(report: PipelineReport): string {
  const out: string[] = [`# ${report.title}`, '', `Written ${report.createdAt}. Evaluation decoding: ${report.decoding}.`, ''];
  if (report.comparisons.length > 0) {
    out.push('## Base vs trained (held-out questions)', '');
    out.push(
      table(
        ['family', 'trained on it', 'base', 'trained', 'paired questions', 'trained-only / base-only', 'McNemar p', '95% CIs separate'],
        report.comparisons.map((c) => [
          c.family,
          c.trainedOnFamily ? 'yes' : 'no (cross-family)',
          `${c.baseModel}: ${pct(c.baseAccuracy)}`,
          `${c.trainedModel}: ${pct(c.trainedAccuracy)}`,
          String(c.paired ?? 'n/a'),
          `${c.trainedOnly} / ${c.baseOnly}`,
          pValue(c.pValue),
          c.intervalsSeparate ? 'yes' : 'no',
        ]),
      ),
      '',
    );
  }
  if (report.evaluations.length > 0) {
    out.push('## Accuracy per model and family', '');
    out.push(
      table(
        ['model', 'version', 'family', 'n', 'correct', 'accuracy', '95% CI (Wilson)', 'mean steps', 'malformed'],
        report.evaluations.map((e) => [e.model, e.modelVersion, e.family, e.n, e.correct, pct(e.accuracy), interval(e.ciLow, e.ciHigh), e.meanSteps.toFixed(2), pct(e.malformedRate)]),
      ),
      '',
    );
  }
  if (report.ablation !== undefined && report.ablation.length > 0) {
    out.push('## Ablation: filters x algorithms', '');
    out.push(
      table(
        ['filter', 'algorithm', 'family', 'examples', 'n', 'accuracy', '95% CI'],
        report.ablation.map((a) => [a.filter, a.algorithm, a.family, a.examples, a.n, pct(a.accuracy), interval(a.ciLow, a.ciHigh)]),
      ),
      '',
    );
  }
  if (report.filters.length > 0) {
    out.push('## Filter yield', '');
    out.push(
      table(
        ['strategy', 'trajectories kept', 'steps kept'],
        report.filters.map((f) => [f.strategy, `${f.keptTrajectories} / ${f.trajectories}`, `${f.keptSteps} / ${f.steps}`]),
      ),
      '',
    );
  }
  for (const curve of report.training) {
    if (curve.points.length === 0) continue;
    const first = curve.points[0]!;
    const last = curve.points[curve.points.length - 1]!;
    const show = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(4));
    out.push(`## Training: ${curve.run} (${curve.algorithm})`, '');
    out.push(table(['', 'update', 'reward', 'KL', 'loss'], [['first', first.update, show(first.reward), show(first.kl), show(first.loss)], ['last', last.update, show(last.reward), show(last.kl), show(last.loss)]]), '');
  }
  if (report.judgeQuality !== undefined && report.judgeQuality.length > 0) {
    out.push('## Process judge quality (teacher-labelled steps)', '');
    out.push(table(['judge', 'labelled steps', 'precision (BAD)', 'recall (BAD)'], report.judgeQuality.map((j) => [j.judge, j.labelledSteps, j.precision.toFixed(3), j.recall.toFixed(3)])), '');
  }
  if (report.stages.length > 0) {
    out.push('## Stages', '', table(['stage', 'seconds'], report.stages.map((s) => [s.stage, s.seconds.toFixed(1)])), '');
  }
  out.push('## Provenance', '', table(['key', 'value'], Object.entries(report.provenance).map(([k, v]) => [k, String(v)])), '');
  if (report.notes !== undefined && report.notes.length > 0) out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
