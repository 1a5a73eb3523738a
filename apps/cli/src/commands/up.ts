import { existsSync } from 'node:fs';
import type { Output } from '../output/terminal-output';
import { startLocalStack, type LocalStack } from '../stack/local-stack';
import { planStack } from '../stack/stack-plan';
import type { StackConfig } from '../stack/stack-options';
import { ensureWorldCorpus } from '../stack/world-corpus';

/** Checks what the services need before spawning anything, so mistakes get one clear message. */
export function checkStackPrerequisites(config: StackConfig): void {
  for (const spec of planStack(config)) {
    const entry = spec.args.find((a) => a.endsWith('main.js'));
    if (entry !== undefined && !existsSync(entry)) throw new Error(`${spec.name} is not built (${entry} is missing): run \`npx nx run-many -t build\` (the npm scripts do it for you)`);
  }
  if (!existsSync(config.python)) throw new Error(`no Python at ${config.python}: run \`bash tools/python/ensure-venv.sh\` to create the learner's venv`);
  for (const file of ['model.onnx', 'tokenizer.json', 'config.json']) {
    if (!existsSync(`${config.policy.dir}/${file}`)) throw new Error(`the policy directory ${config.policy.dir} has no ${file}: pass --model name@version=dir, or train one with \`npm run recipe:base\``);
  }
}

/** Starts every service (world corpus first), printing one line per service as it comes up. */
export async function bringUp(config: StackConfig, out: Output, signal?: AbortSignal): Promise<LocalStack> {
  checkStackPrerequisites(config);
  ensureWorldCorpus(config.worldCorpusPath, config.worldSeed);
  return startLocalStack(
    planStack(config),
    (service, ms) =>
      out.event(
        'service-up',
        { service: service.spec.name, target: service.spec.target, pid: service.pid, startMs: ms, log: service.spec.logFile },
        `  ${service.spec.name.padEnd(12)} ${service.spec.target.padEnd(18)} pid ${String(service.pid).padEnd(8)} ${(ms / 1000).toFixed(1).padStart(5)} s  log ${service.spec.logFile}`,
      ),
    signal,
  );
}

/** `swirl up`: the stack stays up until Ctrl-C (or SIGTERM), then stops cleanly in reverse order. */
export async function runUp(config: StackConfig, out: Output): Promise<number> {
  out.info(`starting the swirl stack (state in ${config.stateDir})`);
  const stack = await bringUp(config, out);
  out.info('all services SERVING; Ctrl-C stops them');
  const died = Promise.race(stack.services.map((s) => s.exited.then((code) => ({ name: s.spec.name, code, log: s.spec.logFile }))));
  const interrupted = new Promise<'signal'>((resolve) => {
    process.once('SIGINT', () => resolve('signal'));
    process.once('SIGTERM', () => resolve('signal'));
  });
  const why = await Promise.race([died, interrupted]);
  if (why !== 'signal') out.error(`${why.name} exited (${why.code}); stopping the others. See ${why.log}`);
  out.info('stopping the stack');
  await stack.stop();
  out.info('stopped');
  return why === 'signal' ? 0 : 1;
}
