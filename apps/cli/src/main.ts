#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { OptionError } from '@swirl/grpc-kit';
import { runPipelineCommand } from './commands/run';
import { evalCommand, filterCommand, generateCommand, judgeCommand, parseModelRef, reportCommand, trainCommand } from './commands/stage-commands';
import { runUp } from './commands/up';
import { createOutput } from './output/terminal-output';
import { cliSecurityOptionSpec, describeClientSecurity, loadClientSecurity, type ClientSecurity } from './pipeline/client-security';
import { ConfigError, loadPipelineConfig, type Family, type FilterName } from './pipeline/pipeline-config';
import { compileStackOptions } from './stack/stack-options';

const USAGE = `swirl <command> [options]

  up                     start every service on loopback (Ctrl-C stops them)
  run <config.yaml>      run a pipeline: synthesize, judge + filter, train, evaluate, report
  ablate <config.yaml>   the same for every filter x algorithm of the file's ablation grid
  generate               synthesize trajectories   (--family --questions --samples --temperature --model)
  judge                  judge a synthesis job     (--job ID [--judge rules] [--outcome])
  filter                 filter into a dataset     (--job ID --strategy process [--judge rules])
  train                  a training run            (--dataset ID [--algorithm swirl] [--updates 30] [--model])
  eval                   held-out evaluation       (--family math,multihop --questions 200 --model A --model B)
  report <dir|json>      re-render report.md / report.html from report.json

Common options:
  --up                   (run, ablate) start the local stack first and stop it afterwards
  --json                 one JSON object per line instead of readable text
  --coordinator HOST:PORT, --trainer HOST:PORT   services to use (default: $SWIRL_COORDINATOR_TARGET /
                         $SWIRL_TRAINER_TARGET, else the local stack's ports)
  --state-dir DIR        local stack state (logs, store, artifacts)        [var/stack]
  --base-port N          first of the six gRPC ports                       [50051]
  --model NAME@VERSION=DIR  (up, run --up) the policy inference serves    [swirl-tiny@base=models/swirl-tiny]
  --world-seed N         seed of the synthetic world                      [1]
  --report-dir DIR       (run, ablate, eval) where the report goes        [the file's report_dir]

Security of the calls to running services (run and ablate without --up; generate, judge, filter,
train, eval). Each is a flag or its variable; a token on the command line is visible to other
users of the machine, so prefer the variable. With --up, and for \`swirl up\`, the local stack is
plaintext without a token, and these are ignored.
${describeClientSecurity()}
`;

/** Commands that call the coordinator or the trainer. */
const CLIENT_COMMANDS = new Set(['run', 'ablate', 'generate', 'judge', 'filter', 'train', 'eval']);

/** The security flags given on the command line, as loadClientSecurity's argv. */
function securityArgv(values: Readonly<Record<string, unknown>>): string[] {
  return Object.values(cliSecurityOptionSpec).flatMap((d) => (typeof values[d.flag] === 'string' ? [`--${d.flag}=${String(values[d.flag])}`] : []));
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean', default: false },
      up: { type: 'boolean', default: false },
      coordinator: { type: 'string' },
      trainer: { type: 'string' },
      'state-dir': { type: 'string' },
      'base-port': { type: 'string' },
      'metrics-base-port': { type: 'string' },
      'world-seed': { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      family: { type: 'string', default: 'math' },
      questions: { type: 'string', default: '50' },
      samples: { type: 'string', default: '4' },
      temperature: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      model: { type: 'string', multiple: true },
      job: { type: 'string' },
      judge: { type: 'string', default: 'rules' },
      outcome: { type: 'boolean', default: false },
      strategy: { type: 'string', default: 'process' },
      name: { type: 'string', default: 'cli' },
      dataset: { type: 'string' },
      algorithm: { type: 'string', default: 'swirl' },
      updates: { type: 'string', default: '30' },
      split: { type: 'string', default: 'test' },
      'report-dir': { type: 'string' },
      // cliSecurityOptionSpec's flags (read through loadClientSecurity, with their variables).
      'auth-token': { type: 'string' },
      'tls-ca': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-server-name': { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined && values.help !== true ? 2 : 0;
  }
  const out = createOutput(values.json === true);
  const int = (name: string, text: string | undefined) => {
    const v = Number(text);
    if (!Number.isInteger(v) || v < 0) throw new ConfigError(`--${name} must be a non-negative whole number, got "${text}"`);
    return v;
  };
  const policyArg = (values.model ?? []).find((m) => m.includes('='));
  const policy = policyArg === undefined ? undefined : (() => {
    const [ref, dir] = [policyArg.slice(0, policyArg.indexOf('=')), policyArg.slice(policyArg.indexOf('=') + 1)];
    const { name, version } = parseModelRef(ref);
    return { name, version: version || 'base', dir };
  })();
  const stack = compileStackOptions({
    ...(values['state-dir'] === undefined ? {} : { stateDir: values['state-dir'] }),
    ...(values['base-port'] === undefined ? {} : { basePort: int('base-port', values['base-port']) }),
    ...(values['metrics-base-port'] === undefined ? {} : { baseMetricsPort: Number(values['metrics-base-port']) }),
    ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
    ...(policy === undefined ? {} : { policy }),
    worldSeed: int('world-seed', values['world-seed']),
  });
  // Read only by commands that call services the CLI did not start: a stale variable must not
  // break `up`, `run --up` or `report`.
  const callsRunningServices = CLIENT_COMMANDS.has(command) && !((command === 'run' || command === 'ablate') && values.up === true);
  // Targets: the flags, else (for running services) the variables every service reads in a
  // cluster (infra/k8s swirl-runtime ConfigMap), else the local stack's ports.
  const fromEnv = (name: string) => (callsRunningServices && process.env[name] ? process.env[name] : undefined);
  const endpoints = {
    coordinator: values.coordinator ?? fromEnv('SWIRL_COORDINATOR_TARGET') ?? `${stack.host}:${stack.ports.coordinator}`,
    trainer: values.trainer ?? fromEnv('SWIRL_TRAINER_TARGET') ?? `${stack.host}:${stack.ports.trainer}`,
  };
  const security: ClientSecurity | undefined = callsRunningServices ? loadClientSecurity({ argv: securityArgv(values), env: process.env }) : undefined;
  const targets = { ...endpoints, ...(security === undefined ? {} : { security }) };
  const models = (values.model ?? []).filter((m) => !m.includes('=')).map(parseModelRef);
  const families = (values.family ?? 'math').split(',').map((f) => f.trim()) as Family[];
  switch (command) {
    case 'up':
      return runUp(stack, out);
    case 'run':
    case 'ablate': {
      const path = rest[0];
      if (path === undefined) throw new ConfigError(`swirl ${command} needs a pipeline file, e.g. swirl ${command} configs/main.yaml`);
      const loaded = loadPipelineConfig(path);
      const config = values['report-dir'] === undefined ? loaded : Object.freeze({ ...loaded, reportDir: values['report-dir'] });
      return runPipelineCommand({ config, configPath: path, up: values.up === true, stack, targets: endpoints, ...(security === undefined ? {} : { security }), ablate: command === 'ablate' }, out);
    }
    case 'generate':
      await generateCommand(targets, { family: families[0]!, questions: int('questions', values.questions), samples: int('samples', values.samples), temperature: Number(values.temperature), seed: int('seed', values.seed), worldSeed: int('world-seed', values['world-seed']), model: models[0] ?? { name: 'swirl-tiny', version: '' } }, out);
      return 0;
    case 'judge':
      if (values.job === undefined) throw new ConfigError('swirl judge needs --job <synthesis job id>');
      await judgeCommand(targets, { jobId: values.job, judge: values.judge!, outcome: values.outcome === true }, out);
      return 0;
    case 'filter':
      if (values.job === undefined) throw new ConfigError('swirl filter needs --job <synthesis job id>');
      await filterCommand(targets, { jobId: values.job, strategy: values.strategy as FilterName, judge: values.judge!, name: values.name! }, out);
      return 0;
    case 'train':
      if (values.dataset === undefined) throw new ConfigError('swirl train needs --dataset <dataset version id> (from swirl filter)');
      await trainCommand(targets, { dataset: values.dataset, algorithm: values.algorithm === 'sft' ? 'sft' : 'swirl', updates: int('updates', values.updates), model: models[0] ?? { name: 'swirl-tiny', version: '' }, judge: values.judge!, seed: int('seed', values.seed) }, out);
      return 0;
    case 'eval':
      if (models.length === 0) throw new ConfigError('swirl eval needs at least one --model name[@version]');
      await evalCommand(targets, { families, questions: int('questions', values.questions), split: values.split === 'dev' ? 'dev' : 'test', models, temperature: Number(values.temperature), seed: int('seed', values.seed), worldSeed: int('world-seed', values['world-seed']), reportDir: values['report-dir'] ?? 'var/reports/cli-eval' }, out);
      return 0;
    case 'report':
      reportCommand(rest[0] ?? '.', out);
      return 0;
    default:
      throw new ConfigError(`unknown command "${command}"; run swirl --help`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`swirl: ${message}\n`);
    process.exit(err instanceof ConfigError || err instanceof OptionError ? 2 : 1);
  },
);
