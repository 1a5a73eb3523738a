import { arch, cpus, hostname, platform } from 'node:os';
import { writeReport } from '@swirl/report';
import type { Output } from '../output/terminal-output';
import { assembleReport } from '../pipeline/assemble-report';
import type { ClientSecurity } from '../pipeline/client-security';
import { connectPipelineClients } from '../pipeline/pipeline-clients';
import type { AlgorithmName, FilterName, PipelineConfig } from '../pipeline/pipeline-config';
import { runPipeline } from '../pipeline/run-pipeline';
import type { StackConfig } from '../stack/stack-options';
import { bringUp } from './up';

export interface RunCommandOptions {
  readonly config: PipelineConfig;
  readonly configPath: string;
  /** Start the local stack first (and stop it after). */
  readonly up: boolean;
  readonly stack: StackConfig;
  readonly targets: { readonly coordinator: string; readonly trainer: string };
  /** Token and TLS of the calls to `targets`; unused with `up` (the local stack is plaintext, no token). */
  readonly security?: ClientSecurity;
  /** The ablation grid instead of the file's single (filter, algorithm). */
  readonly ablate: boolean;
}

/** `swirl run` / `swirl ablate`: the pipeline on running (or freshly started) services, then the report. */
export async function runPipelineCommand(options: RunCommandOptions, out: Output): Promise<number> {
  const { config } = options;
  const started = Date.now();
  const controller = new AbortController();
  const onSignal = () => {
    out.info('interrupted: cancelling the current job');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stack = options.up ? await bringUp(options.stack, out, controller.signal) : undefined;
  const targets = stack === undefined ? options.targets : { coordinator: `${options.stack.host}:${options.stack.ports.coordinator}`, trainer: `${options.stack.host}:${options.stack.ports.trainer}` };
  const clients = connectPipelineClients(targets, stack === undefined ? options.security : {});
  try {
    const grid: { filter: FilterName; algorithm: AlgorithmName }[] = options.ablate
      ? config.ablation.filters.flatMap((filter) => config.ablation.algorithms.map((algorithm) => ({ filter, algorithm })))
      : [{ filter: config.filter, algorithm: config.train.algorithm }];
    out.info(`pipeline "${config.name}": ${grid.map((g) => `${g.algorithm}/${g.filter}`).join(', ')}; train family ${config.trainFamily}; report in ${config.reportDir}`);
    const outcome = await runPipeline(config, grid, clients, out, controller.signal);
    const e = config.evaluate;
    const report = assembleReport(config, outcome, {
      decoding: e.temperature === 0 ? 'greedy (temperature 0)' : `sampled at temperature ${e.temperature}, seed ${config.seed}, ${e.samplesPerQuestion} sample(s) per question`,
      provenance: {
        config: options.configPath,
        'policy (base)': `${config.policy.name}@${config.policy.version}`,
        'train family': config.trainFamily,
        'world seed': config.worldSeed,
        seed: config.seed,
        'process judge': config.judge,
        'synthesis job': outcome.synthesis.id,
        'wall seconds': Math.round((Date.now() - started) / 1000),
        machine: `${hostname()} ${platform()}/${arch()} ${cpus().length} cores, node ${process.version}`,
      },
    });
    const files = writeReport(outcome.reportDir, report);
    for (const c of report.comparisons) {
      out.event(
        'comparison',
        { ...c },
        `${c.family.padEnd(9)} base ${(100 * c.baseAccuracy).toFixed(1)}% -> ${c.trainedModel} ${(100 * c.trainedAccuracy).toFixed(1)}%  (McNemar p ${c.pValue.toFixed(4)}, CIs ${c.intervalsSeparate ? 'separate' : 'overlap'}${c.trainedOnFamily ? '' : ', cross-family'})`,
      );
    }
    out.event('report', { ...files, seconds: (Date.now() - started) / 1000 }, `report: ${files.markdown} (also ${files.html}, ${files.json}); ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return 0;
  } finally {
    clients.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (stack !== undefined) {
      out.info('stopping the stack');
      await stack.stop();
    }
  }
}
