import { join } from 'node:path';
import { compileStackOptions, REPO } from './stack-options';
import { planStack } from './stack-plan';

describe('compileStackOptions', () => {
  it('gives the documented ports, paths and policy by default, frozen', () => {
    const config = compileStackOptions();
    expect(config.ports).toEqual({ coordinator: 50051, tools: 50052, inference: 50053, judge: 50054, learner: 50055, trainer: 50056 });
    expect(config.metricsPorts).toEqual({ coordinator: 9464, tools: 9465, inference: 9466, judge: 9467, learner: 9468, trainer: 9469 });
    expect(config.stateDir).toBe(join(REPO, 'var', 'stack'));
    expect(config.storePath).toBe(join(REPO, 'var', 'stack', 'swirl.db'));
    expect(config.policy).toEqual({ name: 'swirl-tiny', version: 'base', dir: join(REPO, 'models', 'swirl-tiny') });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('shifts every port with basePort and can switch metrics off', () => {
    const config = compileStackOptions({ basePort: 41000, baseMetricsPort: -1 });
    expect(config.ports.trainer).toBe(41005);
    expect(Object.values(config.metricsPorts)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('refuses ports that do not fit', () => {
    expect(() => compileStackOptions({ basePort: 65533 })).toThrow('basePort must leave room for 6 ports');
  });
});

describe('planStack', () => {
  const config = compileStackOptions({ stateDir: '/tmp/swirl-plan', basePort: 41000, baseMetricsPort: 42000 });
  const plan = planStack(config);

  it('starts services after the ones they call', () => {
    expect(plan.map((s) => s.name)).toEqual(['tools', 'inference', 'judge', 'learner', 'trainer', 'coordinator']);
  });

  it('wires each service to the others and to the shared store', () => {
    const args = (name: string) => plan.find((s) => s.name === name)!.args;
    expect(args('coordinator')).toEqual(expect.arrayContaining(['--grpc-port=41000', '--metrics-port=42000', '--tools-target=127.0.0.1:41001', '--inference-target=127.0.0.1:41002', '--judge-target=127.0.0.1:41003', '--store=/tmp/swirl-plan/swirl.db']));
    expect(args('trainer')).toEqual(expect.arrayContaining(['--learner-target=127.0.0.1:41004', '--store-path=/tmp/swirl-plan/swirl.db']));
    expect(args('learner')).toEqual(expect.arrayContaining(['serve', '--port=41004', '--metrics-port=42004']));
    expect(args('tools')).toContain('--corpora=world=jsonl:/tmp/swirl-plan/world-seed-1/corpus.jsonl');
    expect(args('inference')).toContain(`--models=swirl-tiny@base=${join(REPO, 'models', 'swirl-tiny')}`);
  });

  it('runs inference with its engine threads and GC on the allocating thread (a node flag, before the script)', () => {
    const args = plan.find((s) => s.name === 'inference')!.args;
    expect(args.slice(0, 2)).toEqual(['--single-threaded-gc', join(REPO, 'apps', 'inference', 'dist', 'main.js')]);
    expect(args).toContain('--engine-threads=2');
    const one = planStack(compileStackOptions({ stateDir: '/tmp/swirl-plan', inferenceEngineThreads: 1 })).find((s) => s.name === 'inference')!.args;
    expect(one).toContain('--engine-threads=1');
  });

  it('runs every service plaintext without a token, whatever the environment says', () => {
    for (const spec of plan) {
      expect(spec.env).toMatchObject({ SWIRL_AUTH_TOKEN: '', SWIRL_TLS_CERT: '', SWIRL_TLS_KEY: '', SWIRL_TLS_CLIENT_CA: '', SWIRL_TLS_CA: '' });
    }
  });

  it('gives every service its own log file under the state dir', () => {
    expect(new Set(plan.map((s) => s.logFile)).size).toBe(6);
    for (const spec of plan) expect(spec.logFile.startsWith('/tmp/swirl-plan/logs/')).toBe(true);
  });
});
