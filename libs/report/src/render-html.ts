import { markdownToHtml } from './markdown-to-html';
import { renderMarkdown } from './render-markdown';
import type { PipelineReport } from './report-data';
import { escapeXml, intervalBarChart, lineChart, type IntervalBar, type LineSeries } from './svg-charts';

/** One self-contained page: the charts (inline SVG), then the Markdown report's tables. */
export function renderHtml(report: PipelineReport): string {
  const charts: string[] = [];
  const bars: IntervalBar[] = report.evaluations.map((e) => ({ group: e.family, series: e.model, value: e.accuracy, low: e.ciLow, high: e.ciHigh }));
  if (bars.length > 0) charts.push(intervalBarChart('Held-out accuracy with 95% CI', bars));
  if (report.filters.length > 0) {
    charts.push(
      intervalBarChart(
        'Filter yield (share of steps kept)',
        report.filters.map((f) => {
          const share = f.steps === 0 ? 0 : f.keptSteps / f.steps;
          return { group: f.strategy, series: 'steps kept', value: share, low: share, high: share };
        }),
      ),
    );
  }
  const curve = (pick: (p: { reward?: number; kl?: number; loss?: number }) => number | undefined): LineSeries[] =>
    report.training.map((run) => ({ name: `${run.run} (${run.algorithm})`, points: run.points.flatMap((p) => (pick(p) === undefined ? [] : [{ x: p.update, y: pick(p)! }])) }));
  if (report.training.some((r) => r.points.some((p) => p.reward !== undefined))) charts.push(lineChart('Mean reward per update', curve((p) => p.reward), 'update'));
  if (report.training.some((r) => r.points.some((p) => p.kl !== undefined))) charts.push(lineChart('KL to the base policy per update', curve((p) => p.kl), 'update'));
  if (report.ablation !== undefined && report.ablation.length > 0) {
    charts.push(
      intervalBarChart(
        'Ablation: accuracy by filter and algorithm',
        report.ablation.map((a) => ({ group: `${a.family}: ${a.filter}`, series: a.algorithm, value: a.accuracy, low: a.ciLow, high: a.ciHigh })),
      ),
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(report.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f4f4f4}figure{margin:1.5em 0}code{background:#f4f4f4;padding:0 3px}</style>',
    '</head><body>',
    ...charts.map((c) => `<figure>${c}</figure>`),
    markdownToHtml(renderMarkdown(report)),
    '</body></html>',
    '',
  ].join('\n');
}
