/**
 * A/B of two inference-service configurations under the same closed-loop load: both services
 * run at once (separate processes) and their measurements alternate, A first in odd rounds and B
 * first in even ones, so that this VM's drift between minutes falls on both alike. The baseline
 * is A, measured in the same run: prints each round's B/A and the median. B serves `--model-b`
 * if given (e.g. the same weights exported in another graph signature), else the same model.
 *   npm run bench:inference:ab -- --a "--join-hold-steps=0" --b "--join-hold-steps=16" [--clients 16 --seconds 3 --rounds 10 --model DIR --model-b DIR]
 */
import { tinyDecoderDir } from '../../../apps/inference/src/testing/tiny-decoder.test-support';
import { arg, median } from './bench-args';
import { cachePositions, serviceRate, startService, type ServiceProcess } from './service-under-load';

const CLIENTS = Number(arg('clients', '16'));
const SECONDS = Number(arg('seconds', '3'));
const ROUNDS = Number(arg('rounds', '10'));
const PROMPT = Array.from({ length: 48 }, (_, i) => 65 + (i % 26));
const GC_FLAGS = process.execArgv.filter((a) => a === '--single-threaded-gc');
// What both run with unless --a / --b override it (later flags win): the benchmark's service.
const COMMON = ['--max-batch-size=16', '--intra-op-threads=1', '--engine-threads=2'];

async function main(): Promise<void> {
  const flags = { a: arg('a', '').split(' ').filter(Boolean), b: arg('b', '').split(' ').filter(Boolean) };
  for (const [name, value] of [['clients', CLIENTS], ['seconds', SECONDS], ['rounds', ROUNDS]] as const) {
    if (!(value > 0)) throw new Error(`--${name} must be a positive number, got ${arg(name, '')}`);
  }
  const dir = arg('model', '') || tinyDecoderDir();
  const dirB = arg('model-b', '') || dir;
  const load = { prompt: PROMPT, newTokens: 64, seconds: SECONDS };
  process.stdout.write(`${CLIENTS} clients, ${SECONDS} s per measurement, ${ROUNDS} rounds\nA: ${dir} ${[...COMMON, ...flags.a].join(' ')}\nB: ${dirB} ${[...COMMON, ...flags.b].join(' ')}\n`);
  const services: ServiceProcess[] = [];
  try {
    const a = await startService(dir, GC_FLAGS, [...COMMON, ...flags.a]);
    services.push(a);
    const b = await startService(dirB, GC_FLAGS, [...COMMON, ...flags.b]);
    services.push(b);
    const before = await Promise.all([a, b].map((s) => cachePositions(s.metricsPort)));
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? [a, b] : [b, a];
      const rates = new Map<ServiceProcess, number>();
      for (const s of order) rates.set(s, await serviceRate(s.grpcPort, CLIENTS, load));
      const ratio = rates.get(b)! / rates.get(a)!;
      ratios.push(ratio);
      process.stdout.write(`round ${round}: A ${rates.get(a)!.toFixed(0)}  B ${rates.get(b)!.toFixed(0)} tokens/s  B/A ${ratio.toFixed(3)}\n`);
    }
    const after = await Promise.all([a, b].map((s) => cachePositions(s.metricsPort)));
    const padding = (i: number) => ((100 * (after[i]!.padding - before[i]!.padding)) / (after[i]!.total - before[i]!.total)).toFixed(1);
    process.stdout.write(`B/A median ${median(ratios).toFixed(3)} (min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)}); padding of the cache positions attended: A ${padding(0)}%, B ${padding(1)}%\n`);
  } finally {
    for (const s of services) s.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
