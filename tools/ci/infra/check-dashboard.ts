/**
 * Structure of the Grafana dashboard: unique panel ids, every query panel on the `datasource`
 * variable with at least one non-empty PromQL expression, and every recording rule it reads
 * defined in the rules file.
 *   node var/infra-check/dist/check-dashboard.js DASHBOARD.json RECORDING_RULES.yml
 * (Whether the expressions parse and run is checked against a real Prometheus by
 * tools/ci/stack-metrics.sh.)
 */
import { readFileSync } from 'node:fs';

interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly datasource?: { uid?: string };
  readonly targets?: { expr?: string }[];
}

function main([dashboardFile, rulesFile]: readonly string[]): number {
  if (dashboardFile === undefined || rulesFile === undefined) {
    process.stderr.write('usage: check-dashboard.js DASHBOARD.json RECORDING_RULES.yml\n');
    return 2;
  }
  const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as { uid?: string; panels: Panel[]; templating?: { list: { name: string; type: string }[] } };
  const recorded = new Set([...readFileSync(rulesFile, 'utf8').matchAll(/^\s*- record: (\S+)/gm)].map((m) => m[1]));
  const errors: string[] = [];
  if (!dashboard.uid) errors.push('the dashboard has no uid');
  if (!dashboard.templating?.list.some((v) => v.name === 'datasource' && v.type === 'datasource')) errors.push('no `datasource` template variable');
  const ids = new Set<number>();
  let queries = 0;
  let queryPanels = 0;
  const rulesUsed = new Set<string>();
  for (const p of dashboard.panels) {
    if (ids.has(p.id)) errors.push(`panel id ${p.id} is used twice`);
    ids.add(p.id);
    if (p.type === 'row') continue;
    queryPanels += 1;
    if (p.datasource?.uid !== '${datasource}') errors.push(`panel "${p.title}": datasource must be the \${datasource} variable`);
    const exprs = (p.targets ?? []).map((t) => t.expr ?? '');
    if (exprs.length === 0 || exprs.some((e) => e.trim() === '')) errors.push(`panel "${p.title}": every target needs a PromQL expression`);
    for (const e of exprs) {
      queries += 1;
      for (const m of e.matchAll(/\b[a-z_]+:[a-z0-9_]+:[a-z0-9_]+\b/g)) {
        rulesUsed.add(m[0]);
        if (!recorded.has(m[0])) errors.push(`panel "${p.title}": ${m[0]} is not a recording rule of ${rulesFile}`);
      }
    }
  }
  process.stdout.write(`${dashboardFile}: ${queryPanels} panels in ${ids.size - queryPanels} rows, ${queries} queries, ${rulesUsed.size} recording rules used\n`);
  for (const e of errors) process.stdout.write(`  ERROR ${e}\n`);
  return errors.length === 0 ? 0 : 1;
}

process.exit(main(process.argv.slice(2)));
