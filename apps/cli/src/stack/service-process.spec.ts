import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHealth } from '@swirl/grpc-kit';
import { ServiceStartError, startService } from './service-process';
import { REPO } from './stack-options';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('startService (real tools service)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'swirl-svc-'));
    writeFileSync(join(dir, 'corpus.jsonl'), JSON.stringify({ id: 'a', title: 'Alpha', text: 'Alpha is a letter.' }) + '\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for SERVING, logs to the file, and stops gracefully on SIGTERM', async () => {
    const port = await freePort();
    const service = await startService({
      name: 'tools',
      command: process.execPath,
      args: [join(REPO, 'apps/tools/dist/main.js'), '--host=127.0.0.1', `--grpc-port=${port}`, '--metrics-port=-1', `--corpora=world=jsonl:${join(dir, 'corpus.jsonl')}`],
      target: `127.0.0.1:${port}`,
      logFile: join(dir, 'logs', 'tools.log'),
    });
    expect(await checkHealth(`127.0.0.1:${port}`, '')).toBe('SERVING');
    await service.stop();
    expect(await service.exited).toBe(0);
    expect(readFileSync(join(dir, 'logs', 'tools.log'), 'utf8')).toContain('"msg":"listening"');
  }, 60_000);

  it('fails with the log file named when the process exits before serving', async () => {
    const port = await freePort();
    const attempt = startService({
      name: 'tools',
      command: process.execPath,
      args: [join(REPO, 'apps/tools/dist/main.js'), `--grpc-port=${port}`, '--corpora=nonsense-corpus'],
      target: `127.0.0.1:${port}`,
      logFile: join(dir, 'logs', 'bad.log'),
    });
    await expect(attempt).rejects.toThrow(ServiceStartError);
    await expect(attempt).rejects.toThrow(/tools: exited \(\d+\) before it was SERVING; see .*bad\.log/);
    expect(readFileSync(join(dir, 'logs', 'bad.log'), 'utf8')).toContain('nonsense-corpus');
  }, 60_000);

  it('gives up after the start timeout and kills the process', async () => {
    const port = await freePort();
    const attempt = startService({ name: 'sleeper', command: process.execPath, args: ['-e', 'setTimeout(() => {}, 60000)'], target: `127.0.0.1:${port}`, logFile: join(dir, 'logs', 'sleeper.log'), startTimeoutMs: 1500 });
    await expect(attempt).rejects.toThrow(/sleeper: not SERVING at 127\.0\.0\.1:\d+ after 1\.5 s/);
  }, 30_000);
});
