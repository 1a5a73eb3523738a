import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { checkHealth, OptionError } from '@swirl/grpc-kit';
import type { ListJobsResponse } from '@swirl/proto';
import { REPO } from '../stack/stack-options';
import { loadClientSecurity } from './client-security';
import { connectPipelineClients } from './pipeline-clients';

const TOKEN = 'cli-test-token-0123456789';

describe('loadClientSecurity', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'swirl-cli-security-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is empty (plaintext, no token) by default', () => {
    expect(loadClientSecurity({ env: {} })).toEqual({});
  });

  it('reads the services\' variables, flags first', () => {
    const ca = join(dir, 'ca.crt');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nnot checked here: the kit\'s tests handshake\n-----END CERTIFICATE-----\n');
    const env = { SWIRL_AUTH_TOKEN: TOKEN, SWIRL_TLS_CA: ca, SWIRL_TLS_CERT: ca, SWIRL_TLS_KEY: ca };
    expect(loadClientSecurity({ env })).toEqual({ authToken: TOKEN, tls: { caFile: ca, certFile: ca, keyFile: ca } });
    expect(loadClientSecurity({ argv: ['--auth-token=from-the-flag-0000', '--tls-server-name=coordinator.swirl.svc'], env })).toEqual({
      authToken: 'from-the-flag-0000',
      tls: { caFile: ca, certFile: ca, keyFile: ca, serverNameOverride: 'coordinator.swirl.svc' },
    });
    // A certificate alone is a server's setting, not a reason to switch TLS on.
    expect(loadClientSecurity({ env: { SWIRL_TLS_CERT: ca, SWIRL_TLS_KEY: ca } })).toEqual({});
  });

  it('refuses an unreadable CA as invalid settings', () => {
    expect(() => loadClientSecurity({ env: { SWIRL_TLS_CA: join(dir, 'missing.crt') } })).toThrow(OptionError);
    expect(() => loadClientSecurity({ env: { SWIRL_TLS_CA: join(dir, 'missing.crt') } })).toThrow(/--tls-ca \/ SWIRL_TLS_CA: cannot read .*missing.crt: ENOENT/);
  });
});

/** The built coordinator with --auth-token on a free port; inference and tools are never reached. */
async function startCoordinator(dir: string): Promise<{ child: ChildProcess; target: string; stop(): Promise<void> }> {
  const entry = join(REPO, 'apps', 'coordinator', 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: build it first (npx nx run @swirl/coordinator:build)`);
  const args = [entry, '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', `--store=${join(dir, 'store.sqlite')}`, `--auth-token=${TOKEN}`,
    '--inference-target=127.0.0.1:1', '--tools-target=127.0.0.1:1', '--call-attempts=1'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /"msg":"listening"[^\n]*"grpcPort":(\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the coordinator exited (${code}) before listening:\n${log}`)));
  });
  const target = `127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while ((await checkHealth(target, 'swirl.v1.CoordinatorService').catch(() => 'UNKNOWN')) !== 'SERVING') {
    if (Date.now() > deadline) throw new Error(`the coordinator at ${target} is not SERVING:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    target,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

/** `swirl <args>` from the build, with `env` on top of a copy of ours that has no SWIRL_AUTH_TOKEN. */
function runCli(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base['SWIRL_AUTH_TOKEN'];
  const child = spawn(process.execPath, [join(REPO, 'apps', 'cli', 'dist', 'main.js'), ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('the CLI against a coordinator that requires a bearer token', () => {
  let dir: string;
  let coordinator: Awaited<ReturnType<typeof startCoordinator>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'swirl-cli-token-'));
    coordinator = await startCoordinator(dir);
  });
  afterAll(async () => {
    await coordinator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const listJobs = (env: Record<string, string>) => {
    const clients = connectPipelineClients({ coordinator: coordinator.target, trainer: '127.0.0.1:1' }, loadClientSecurity({ env }));
    return new Promise<ListJobsResponse>((resolve, reject) =>
      clients.coordinator.listJobs({ pageSize: 10, pageToken: '', kind: 0, state: 0 }, (err, res) => (err ? reject(err) : resolve(res))),
    ).finally(() => clients.close());
  };

  it('pipeline clients built with SWIRL_AUTH_TOKEN are served; without it they are refused UNAUTHENTICATED', async () => {
    await expect(listJobs({ SWIRL_AUTH_TOKEN: TOKEN })).resolves.toMatchObject({ jobs: [] });
    await expect(listJobs({})).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  });

  it('`swirl generate` sends SWIRL_AUTH_TOKEN (or --auth-token): the coordinator takes the job', async () => {
    const args = ['generate', '--questions=1', '--samples=1', `--coordinator=${coordinator.target}`, '--trainer=127.0.0.1:1'];
    const refused = await runCli(args, {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('UNAUTHENTICATED: missing credentials');

    // Authenticated, the call reaches the job logic: this coordinator's inference address is
    // closed, so StartJob answers that it cannot resolve the policy.
    for (const [extraArgs, env] of [[[], { SWIRL_AUTH_TOKEN: TOKEN }], [[`--auth-token=${TOKEN}`], {}]] as const) {
      const served = await runCli([...args, ...extraArgs], env);
      expect(served.stderr).not.toContain('UNAUTHENTICATED');
      expect(served.stderr).toContain('the inference service cannot resolve synthesize.policy');
      expect(served.code).toBe(1);
    }
    const wrong = await runCli([...args, '--auth-token=not-the-right-token'], {});
    expect(wrong.stderr).toContain('UNAUTHENTICATED: invalid credentials');
  });

  it('finds the coordinator through SWIRL_COORDINATOR_TARGET when no --coordinator is given (the cluster Job)', async () => {
    const viaEnv = await runCli(['generate', '--questions=1', '--samples=1'], { SWIRL_COORDINATOR_TARGET: coordinator.target, SWIRL_AUTH_TOKEN: TOKEN });
    expect(viaEnv.stderr).toContain('the inference service cannot resolve synthesize.policy');
    // The flag wins over the variable.
    const flagWins = await runCli(['generate', '--questions=1', '--samples=1', `--coordinator=${coordinator.target}`], { SWIRL_COORDINATOR_TARGET: '127.0.0.1:9', SWIRL_AUTH_TOKEN: TOKEN });
    expect(flagWins.stderr).toContain('the inference service cannot resolve synthesize.policy');
  });

  it('exits 2 with invalid settings for an unreadable SWIRL_TLS_CA, and ignores it with --help', async () => {
    const bad = await runCli(['generate', `--coordinator=${coordinator.target}`], { SWIRL_TLS_CA: join(dir, 'missing.crt') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--tls-ca \/ SWIRL_TLS_CA: cannot read .*missing.crt/);
    const help = await runCli(['--help'], { SWIRL_TLS_CA: join(dir, 'missing.crt') });
    expect(help.code).toBe(0);
    for (const text of ['--auth-token', 'SWIRL_AUTH_TOKEN', '--tls-ca', 'SWIRL_TLS_CA', '--tls-cert', 'SWIRL_TLS_CERT', '--tls-key', '--tls-server-name']) expect(help.stdout).toContain(text);
  });
});
