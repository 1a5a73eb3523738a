/** Small dependency-free SVG charts, so the HTML report is one self-contained file. */

export interface IntervalBar {
  /** Group on the x axis (e.g. a task family). */
  readonly group: string;
  /** Series within the group (e.g. a model). */
  readonly series: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7'];
const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 20, right: 150, bottom: 40, left: 50 };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

function legend(names: readonly string[]): string {
  return names
    .map((name, i) => {
      const y = MARGIN.top + 16 * i;
      const x = WIDTH - MARGIN.right + 12;
      return `<rect x="${x}" y="${y}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/><text x="${x + 14}" y="${y + 9}" font-size="11">${escapeXml(name)}</text>`;
    })
    .join('');
}

/** Grouped bars in [0, 1] with interval whiskers (accuracy with its 95% CI). */
export function intervalBarChart(title: string, bars: readonly IntervalBar[]): string {
  const groups = [...new Set(bars.map((b) => b.group))];
  const series = [...new Set(bars.map((b) => b.series))];
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH * (1 - Math.max(0, Math.min(1, v)));
  const groupW = plotW / Math.max(1, groups.length);
  const barW = (groupW * 0.8) / Math.max(1, series.length);
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(tick) + 4}" font-size="10" text-anchor="end">${tick}</text>`);
  }
  groups.forEach((group, gi) => {
    const gx = MARGIN.left + gi * groupW + groupW * 0.1;
    parts.push(`<text x="${gx + groupW * 0.4}" y="${HEIGHT - MARGIN.bottom + 16}" font-size="11" text-anchor="middle">${escapeXml(group)}</text>`);
    series.forEach((name, si) => {
      const bar = bars.find((b) => b.group === group && b.series === name);
      if (bar === undefined) return;
      const x = gx + si * barW;
      const colour = PALETTE[si % PALETTE.length];
      const label = `${name} / ${group}: ${fmt(bar.value)} [${fmt(bar.low)}, ${fmt(bar.high)}]`;
      parts.push(`<rect x="${x}" y="${y(bar.value)}" width="${barW * 0.9}" height="${y(0) - y(bar.value)}" fill="${colour}"><title>${escapeXml(label)}</title></rect>`);
      const cx = x + barW * 0.45;
      parts.push(`<line x1="${cx}" x2="${cx}" y1="${y(bar.low)}" y2="${y(bar.high)}" stroke="#222"/>`);
      parts.push(`<line x1="${cx - 4}" x2="${cx + 4}" y1="${y(bar.low)}" y2="${y(bar.low)}" stroke="#222"/>`);
      parts.push(`<line x1="${cx - 4}" x2="${cx + 4}" y1="${y(bar.high)}" y2="${y(bar.high)}" stroke="#222"/>`);
    });
  });
  return svg(title, parts.join('') + legend(series));
}

/** Lines over a shared x axis (reward, KL or loss per update). */
export function lineChart(title: string, lines: readonly LineSeries[], xLabel: string): string {
  const all = lines.flatMap((l) => l.points).filter((p) => Number.isFinite(p.y));
  if (all.length === 0) return svg(title, `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" font-size="12">no data</text>`);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [xMin, xMax] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  let [yMin, yMax] = [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))];
  if (yMin === yMax) [yMin, yMax] = [yMin - 0.5, yMax + 0.5];
  const x = (v: number) => MARGIN.left + (xMax === xMin ? plotW / 2 : ((v - xMin) / (xMax - xMin)) * plotW);
  const y = (v: number) => MARGIN.top + plotH * (1 - (v - yMin) / (yMax - yMin));
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = yMin + ((yMax - yMin) * i) / 4;
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" font-size="10" text-anchor="end">${fmt(v)}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 8}" font-size="11" text-anchor="middle">${escapeXml(xLabel)} (${fmt(xMin)}-${fmt(xMax)})</text>`);
  lines.forEach((line, i) => {
    const points = line.points.filter((p) => Number.isFinite(p.y));
    if (points.length === 0) return;
    const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2"><title>${escapeXml(line.name)}</title></path>`);
  });
  return svg(title, parts.join('') + legend(lines.map((l) => l.name)));
}

function svg(title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}
