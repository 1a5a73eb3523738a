/**
 * Decode throughput, measured in one run on one model: a plain onnxruntime loop (batch 1 and
 * batch 16) against the inference service over gRPC (1 and 16 concurrent clients), with the
 * ratios the inference issue sets as targets, and two raw batch-8 loops at once (the most two
 * cores give 16 sequences). Run: npm run bench:inference [-- --model DIR].
 */
import { spawn } from 'node:child_process';
import { loadOnnxDecoder } from '../../../apps/inference/src/model/onnx-decoder';
import { tinyDecoderDir } from '../../../apps/inference/src/testing/tiny-decoder.test-support';
import { rawDecodeLoop } from './raw-decode-loop';
import { arg, median as medianOf } from './bench-args';
import { cachePositions, serviceRate, startService } from './service-under-load';

const MODEL = arg('model', '');
const NEW_TOKENS = Number(arg('tokens', '64'));
const SECONDS = Number(arg('seconds', '6'));
// onnxruntime threads per operator, the same for the raw loop and the service (like for like).
const THREADS = Number(arg('threads', '1'));
// Rounds of all five measurements, interleaved; medians are reported (a shared VM drifts by 10-15% between runs).
const REPEAT = Number(arg('repeat', '1'));
// The service's decoding threads (each with its own session and batch; requests go to the least loaded).
const ENGINE_THREADS = Number(arg('engine-threads', '2'));
if (!Number.isInteger(REPEAT) || REPEAT < 1) throw new Error(`--repeat must be a whole number of rounds >= 1, got ${arg('repeat', '1')}`);
// The service runs with the V8 flags its launchers give it (GC on the thread that allocates);
// the raw loop gets them too when this script is started with them (npm run bench:inference does).
const GC_FLAGS = process.execArgv.filter((a) => a === '--single-threaded-gc');
const PROMPT = Array.from({ length: 48 }, (_, i) => 65 + (i % 26));

async function rawLoop(dir: string, batch: number): Promise<number> {
  const decoder = await loadOnnxDecoder(dir, { intraOpThreads: THREADS });
  const rate = await rawDecodeLoop(decoder, batch, PROMPT, NEW_TOKENS, SECONDS);
  await decoder.session.release();
  return rate;
}

/**
 * The raw loop's garbage (a cache's worth of tensors per step) stays in this process; collected
 * between measurements so that it does not pause the next one's gRPC client. Needs --expose-gc
 * (npm run bench:inference gives it); without it, nothing happens.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Two raw batch-8 loops in two processes at the same time: 16 sequences on two cores with no
 * server in between, the most any service could make of this machine at 16 clients.
 */
async function twoRawLoops(dir: string): Promise<number> {
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const args = [...process.execArgv, __filename, '--raw-child', '8', '--model', dir, '--seconds', String(SECONDS), '--tokens', String(NEW_TOKENS), '--threads', String(THREADS)];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => (code === 0 && Number.isFinite(Number(out)) ? resolve(Number(out)) : reject(new Error(`raw loop process exited with ${code}: ${out}`))));
    });
  const rates = await Promise.all([one(), one()]);
  return rates[0]! + rates[1]!;
}

async function main(): Promise<void> {
  const dir = MODEL || tinyDecoderDir();
  const child = arg('raw-child', '');
  if (child !== '') {
    process.stdout.write(String(await rawLoop(dir, Number(child))));
    return;
  }
  const { config, cacheOutputs, session } = await loadOnnxDecoder(dir, { intraOpThreads: 1 });
  await session.release();
  process.stdout.write(`model ${dir} (${config.numLayers} layers, ${config.numKvHeads} heads x ${config.headDim}, vocab ${config.vocabSize}, ${cacheOutputs}-cache signature); prompt ${PROMPT.length} tokens, ${NEW_TOKENS} new tokens, ${SECONDS} s per measurement, ${THREADS} onnxruntime thread(s) per session on both sides, service with ${ENGINE_THREADS} engine thread(s), ${REPEAT} round(s)\n`);
  const service = await startService(dir, GC_FLAGS, ['--max-batch-size=16', `--intra-op-threads=${THREADS}`, `--engine-threads=${ENGINE_THREADS}`]);
  const load = { prompt: PROMPT, newTokens: NEW_TOKENS, seconds: SECONDS };
  // Cache positions the 16-client measurements attended over, and the padding among them.
  const padding = { total: 0, padding: 0 };
  const loaded16 = async () => {
    const before = await cachePositions(service.metricsPort);
    const rate = await serviceRate(service.grpcPort, 16, load);
    const after = await cachePositions(service.metricsPort);
    padding.total += after.total - before.total;
    padding.padding += after.padding - before.padding;
    return rate;
  };
  const rounds: number[][] = [];
  try {
    for (let i = 0; i < REPEAT; i++) {
      // Each service measurement right after its raw counterpart, so that a round's own ratios
      // compare measurements seconds apart (this VM's speed drifts between rounds).
      const order = [() => rawLoop(dir, 1), () => serviceRate(service.grpcPort, 1, load), () => rawLoop(dir, 16), loaded16, () => twoRawLoops(dir)];
      const measured: number[] = [];
      for (const measure of order) {
        collectGarbage();
        measured.push(await measure());
      }
      const [r1, s1, r16, s16, two] = measured as [number, number, number, number, number];
      const round = [r1, r16, s1, s16, two];
      if (REPEAT > 1) process.stdout.write(`round ${i + 1}: ${round.map((v) => v.toFixed(0)).join(' / ')} tokens/s (raw 1 / raw 16 / service 1 / service 16 / 2 raw x 8); ratios ${(s16 / r16).toFixed(2)} / ${(s1 / r1).toFixed(2)} / ${(s16 / s1).toFixed(2)}\n`);
      rounds.push(round);
    }
    const median = (k: number) => medianOf(rounds.map((r) => r[k]!));
    const [raw1, raw16, svc1, svc16, twoRaw8] = [median(0), median(1), median(2), median(3), median(4)];
    const row = (name: string, v: number) => process.stdout.write(`${name.padEnd(34)} ${v.toFixed(0).padStart(8)} tokens/s${REPEAT > 1 ? ' (median)' : ''}\n`);
    row('raw onnxruntime loop, batch 1', raw1);
    row('raw onnxruntime loop, batch 16', raw16);
    row('service over gRPC, 1 client', svc1);
    row('service over gRPC, 16 clients', svc16);
    row('2 raw loops at once, batch 8 each', twoRaw8);
    const ratio = (name: string, v: number, target: number) => process.stdout.write(`${name.padEnd(46)} ${v.toFixed(2)}x  (target >= ${target}x) ${v >= target ? 'met' : 'NOT met'}\n`);
    ratio('service 16 clients / raw batch 16', svc16 / raw16, 0.8);
    ratio('service 1 client / raw batch 1', svc1 / raw1, 0.9);
    ratio('service 16 clients / service 1 client', svc16 / svc1, 4);
    if (REPEAT > 1) {
      // The same ratios taken within each round, then the median: less exposed to drift between rounds.
      const paired = (num: number, den: number) => medianOf(rounds.map((r) => r[num]! / r[den]!)).toFixed(2);
      process.stdout.write(`${'medians of the per-round ratios'.padEnd(46)} ${paired(3, 1)}x / ${paired(2, 0)}x / ${paired(3, 2)}x\n`);
    }
    process.stdout.write(`${'padding in the 16-client batches'.padEnd(46)} ${((100 * padding.padding) / padding.total).toFixed(1)}% of the cache positions attended (--join-hold-steps, --regroup-wait-ms)\n`);
    // What the machine allows: 16 sequences on every core with no server at all, against one
    // raw stream. Targets 2 and 3 together need service 16 >= 3.6x raw batch 1.
    process.stdout.write(`${'2 raw loops x batch 8 / raw batch 1'.padEnd(46)} ${(twoRaw8 / raw1).toFixed(2)}x  (the ceiling of service 16 / raw batch 1; targets 2 and 3 need 3.6x)\n`);
  } finally {
    service.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
