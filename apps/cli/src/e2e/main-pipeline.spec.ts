import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineReport } from '@swirl/report';
import { REPO } from '../stack/stack-options';

/** A base port with six free ports after it. */
async function freePortRange(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below Linux's ephemeral range (32768+), which the other tests' port-0 servers and outgoing
    // connections draw from while this stack starts.
    const base = 20000 + Math.floor(Math.random() * 12000);
    let ok = true;
    for (let i = 0; i < 6 && ok; i++) ok = await free(base + i);
    if (ok) return base;
  }
  throw new Error('no six consecutive free ports');
}

describe('swirl run --up (the whole method on real services, small config)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'swirl-e2e-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('synthesizes, filters, trains, evaluates base and trained policies, and writes the report', async () => {
    const base = await freePortRange();
    const reportDir = join(dir, 'report');
    const child = spawn(
      process.execPath,
      [join(REPO, 'apps/cli/dist/main.js'), 'run', join(REPO, 'configs/e2e-small.yaml'), '--up', '--json', `--state-dir=${join(dir, 'stack')}`, `--base-port=${base}`, '--metrics-base-port=-1', `--report-dir=${reportDir}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const events = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event: string; [k: string]: unknown });
    // The message carries the CLI's stderr (an asymmetric matcher in toEqual would hide it).
    if (code !== 0) throw new Error(`swirl run exited with ${code}; its stderr ends:\n${stderr.slice(-2000)}`);
    expect(events.filter((e) => e.event === 'service-up').map((e) => e['service'])).toEqual(['tools', 'inference', 'judge', 'learner', 'trainer', 'coordinator']);
    const written = events.find((e) => e.event === 'report')!;
    const report = JSON.parse(readFileSync(String(written['json']), 'utf8')) as PipelineReport;
    // Both families, base and trained, on the same held-out questions.
    expect(report.evaluations.map((e) => `${e.model}/${e.family}`).sort()).toEqual(['base/math', 'base/multihop', 'swirl/math', 'swirl/multihop']);
    for (const e of report.evaluations) expect(e.n).toBe(6);
    expect(report.comparisons.map((c) => [c.family, c.trainedOnFamily])).toEqual([['math', true], ['multihop', false]]);
    // Paired per question from the coordinator's store over gRPC, not from its report files.
    for (const c of report.comparisons) expect({ paired: c.paired, p: Number.isFinite(c.pValue) }).toEqual({ paired: 6, p: true });
    expect(report.filters).toHaveLength(1);
    expect(report.filters[0]!.trajectories).toBe(16);
    expect(report.training[0]!.points.map((p) => p.update)).toEqual([1, 2]);
    expect(existsSync(String(written['markdown']))).toBe(true);
    expect(readFileSync(String(written['html']), 'utf8')).toContain('<svg');
  }, 600_000);
});
