import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkHealth } from '@swirl/grpc-kit';
import { scratchDir } from './testing/start-test-judge.test-support';

const REPO = join(__dirname, '..', '..', '..');

/** The entry point as an operator runs it (from source, as the built main.js would): settings, start, SIGTERM. */
describe('main', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());
  const run = (args: string[]) =>
    spawn(process.execPath, ['--conditions=@swirl/source', '-r', '@swc-node/register', join(__dirname, 'main.ts'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });

  it('starts, reports SERVING on its announced port, and stops cleanly on SIGTERM', async () => {
    const child = run(['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', `--cache-file=${scratch.dir}/v.sqlite`]);
    let log = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const m = /"msg":"listening".*"grpcPort":(\d+)/.exec(log);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${log}`)));
    });
    expect(await checkHealth(`127.0.0.1:${port}`, 'swirl.v1.JudgeService')).toBe('SERVING');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(log).toContain('"msg":"stopped"');
  }, 60_000);

  it('exits with 2 and says what is wrong for invalid settings', async () => {
    const child = run(['--llm-samples=99']);
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('invalid settings: --llm-samples must be 1-16, got 99');
  }, 60_000);
});
