import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials, status } from '@grpc/grpc-js';
import { checkHealth } from '@swirl/grpc-kit';
import { ActionKind, JobState, ToolResultStatus, TrajectoryView } from '@swirl/proto';
import { generateWorld } from '@swirl/world';
import { startCoordinator, worldSynthesisSpec, type CoordinatorUnderTest } from '../testing/coordinator-under-test.test-support';
import { grammarPolicyDir, REPO } from '../testing/grammar-policy.test-support';
import { POLICY, WORLD_SEED, type ServiceStack } from '../testing/service-stack.test-support';
import type { SpawnedService } from '../testing/spawned-service.test-support';

/** A CA and one certificate it signed for 127.0.0.1, made by the openssl CLI. */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const f = (name: string) => join(dir, name);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  run(['req', '-x509', ...ec, '-days', '1', '-subj', '/CN=swirl-test-ca', '-keyout', f('ca.key'), '-out', f('ca.crt')]);
  writeFileSync(f('server.ext'), 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run(['req', '-new', ...ec, '-subj', '/CN=localhost', '-keyout', f('server.key'), '-out', f('server.csr')]);
  run(['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-set_serial', '0x5eed', '-days', '1', '-extfile', f('server.ext'), '-out', f('server.crt')]);
  return { ca: f('ca.crt'), cert: f('server.crt'), key: f('server.key') };
}

/** A built service serving TLS only, on a free port, once its health says SERVING (over TLS). */
async function spawnTlsService(name: 'tools' | 'inference', args: readonly string[], tls: { ca: string; cert: string; key: string }): Promise<SpawnedService> {
  const entry = join(REPO, 'apps', name, 'dist', 'main.js');
  const child = spawn(process.execPath, [entry, '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', `--tls-cert=${tls.cert}`, `--tls-key=${tls.key}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const m = /"msg":\s*"listening"[^\n]*"grpcPort":\s*(\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    };
    child.stderr!.on('data', look);
    void exited.then(() => reject(new Error(`${name} exited before listening:\n${log}`)));
  });
  // By name, as in a cluster: grpc-js would send an IP address as the TLS server name, which Node deprecates.
  const target = `localhost:${port}`;
  const overTls = credentials.createSsl(readFileSync(tls.ca));
  const deadline = Date.now() + 180_000;
  while ((await checkHealth(target, '', { credentials: overTls }).catch(() => 'UNKNOWN')) !== 'SERVING') {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${name} at ${target} is not SERVING over TLS:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const kill = (signal: NodeJS.Signals) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : (child.kill(signal), exited));
  return { name, child, target, metricsPort: undefined, log: () => log, stop: () => kill('SIGTERM'), crash: () => kill('SIGKILL') };
}

describe("the coordinator's calls to inference and tools with --tls-ca", () => {
  let stack: ServiceStack;
  let tlsFiles: { ca: string; cert: string; key: string };
  const coordinators: CoordinatorUnderTest[] = [];

  beforeAll(async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'swirl-coordinator-tls-'));
    tlsFiles = makeCertificates(scratch);
    const corpus = join(scratch, 'world-corpus.jsonl');
    writeFileSync(corpus, generateWorld({ seed: WORLD_SEED }).corpus.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const [tools, inference] = await Promise.all([
      spawnTlsService('tools', [`--corpora=world=jsonl:${corpus}`, `--index-cache-dir=${join(scratch, 'index-cache')}`], tlsFiles),
      spawnTlsService('inference', [`--models=${POLICY.name}@${POLICY.version}=${grammarPolicyDir()}`, '--openai-port=-1', '--intra-op-threads=1'], tlsFiles),
    ]);
    stack = {
      tools,
      inference,
      scratch,
      async dispose() {
        await Promise.all([tools.stop(), inference.stop()]);
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  }, 300_000);
  afterAll(async () => {
    for (const c of coordinators) await c.stop();
    await stack?.dispose();
  });

  it('synthesizes over TLS: the policy is sampled and tools run on TLS-only servers', async () => {
    const coordinator = await startCoordinator(stack, 'tls', [`--tls-ca=${tlsFiles.ca}`, '--call-attempts=1']);
    coordinators.push(coordinator);
    const job = await coordinator.client.start(worldSynthesisSpec({ count: 3, samples: 2, seed: 7 }));
    const done = await coordinator.client.finish(job.id);
    expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    expect(done.result?.result).toMatchObject({ $case: 'synthesize', value: { trajectories: 6, errors: 0 } });
    const steps = (await coordinator.client.trajectories(job.id, TrajectoryView.TRAJECTORY_VIEW_FULL)).flatMap((t) => t.steps);
    const toolSteps = steps.filter((s) => s.action?.kind === ActionKind.ACTION_KIND_TOOL_CALL);
    expect(toolSteps.length).toBeGreaterThan(0);
    // A tool result (OK, or a TOOL_ERROR the model can read) only comes back from the tools service.
    for (const s of toolSteps) expect([ToolResultStatus.TOOL_RESULT_STATUS_OK, ToolResultStatus.TOOL_RESULT_STATUS_TOOL_ERROR]).toContain(s.toolResult?.status);
  });

  it('without --tls-ca its plaintext calls cannot reach the same servers', async () => {
    const coordinator = await startCoordinator(stack, 'plaintext', ['--call-attempts=1']);
    coordinators.push(coordinator);
    await expect(coordinator.client.start(worldSynthesisSpec({ count: 1, samples: 1, seed: 7 }))).rejects.toMatchObject({
      code: status.UNAVAILABLE,
      details: expect.stringContaining('the inference service cannot resolve synthesize.policy'),
    });
  });
});
