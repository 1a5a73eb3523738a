/**
 * Decode throughput, measured in one run on one model: a plain onnxruntime loop (batch 1 and
 * batch 16) against the inference service over gRPC (1 and 16 concurrent clients), with the
 * ratios the inference issue sets as targets, and two raw batch-8 loops at once (the most two
 * cores give 16 sequences). Raw batch 1 and the 1-client service run in turn, in short blocks;
 * where the 1-client gap goes is printed against a bare grpc-js server (bare-grpc-server.ts).
 * Run: npm run bench:inference [-- --model DIR].
 */
import { spawn } from 'node:child_process';
import { loadOnnxDecoder } from '../../../apps/inference/src/model/onnx-decoder';
import { tinyDecoderDir } from '../../../apps/inference/src/testing/tiny-decoder.test-support';
import { rawDecodeLoop, rawSequence } from './raw-decode-loop';
import { arg, median as medianOf } from './bench-args';
import { startBareGrpcServer, type BareServer } from './bare-grpc-server';
import { benchClient, cachePositions, serviceRate, startService, type LoadOptions, type TimedRequest } from './service-under-load';

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

/** Sequences per block of the 1-stream measurement; the first of each block is not counted. */
const BLOCK = 6;

/**
 * Raw batch 1 and the service at 1 client, measured together: blocks of BLOCK raw sequences and
 * BLOCK requests to the service, in turn, for 2 x SECONDS. Measured in one block of seconds each,
 * the two compared different speeds of this VM (the same raw loop took 37-62 ms per sequence
 * within one minute; ratios of such blocks ranged 0.66-1.05 within one run). Within a block each
 * runs as it would alone: the raw loop back to back, the client sending its next request when the
 * last returns. The first sequence of a block follows the other side's block (a sequence after
 * ~70 ms asleep took 6-12% longer here) and is not counted, on either side.
 * Returns each one's tokens per second of its own counted time; every counted request goes to `timings`.
 */
async function singleStreams(dir: string, port: number, load: LoadOptions, timings: TimedRequest[]): Promise<{ raw: number; service: number }> {
  const decoder = await loadOnnxDecoder(dir, { intraOpThreads: THREADS });
  const client = benchClient(port, load);
  const raw = { tokens: 0, ms: 0 };
  const service = { tokens: 0, ms: 0 };
  const started = performance.now();
  while (performance.now() - started < 2 * SECONDS * 1000) {
    for (let i = 0; i < BLOCK; i++) {
      const t = performance.now();
      const tokens = await rawSequence(decoder, 1, PROMPT, NEW_TOKENS);
      if (i === 0) continue;
      raw.tokens += tokens;
      raw.ms += performance.now() - t;
    }
    for (let i = 0; i < BLOCK; i++) {
      const request = await client.generate();
      if (i === 0) continue;
      service.tokens += request.tokens;
      service.ms += request.clientMs;
      timings.push(request);
    }
  }
  client.close();
  await decoder.session.release();
  return { raw: (1000 * raw.tokens) / raw.ms, service: (1000 * service.tokens) / service.ms };
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
  process.stdout.write(`model ${dir} (${config.numLayers} layers, ${config.numKvHeads} heads x ${config.headDim}, vocab ${config.vocabSize}, ${cacheOutputs}-cache signature); prompt ${PROMPT.length} tokens, ${NEW_TOKENS} new tokens, ${SECONDS} s per measurement (raw batch 1 and service 1 client in turn, blocks of ${BLOCK} sequences, for 2 x ${SECONDS} s), ${THREADS} onnxruntime thread(s) per session on both sides, service with ${ENGINE_THREADS} engine thread(s), ${REPEAT} round(s)\n`);
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
  // 1-client requests to the service, and to a bare grpc-js server answering after as long (see bare-grpc-server.ts).
  const serviceTimings: TimedRequest[] = [];
  const bareTimings: TimedRequest[] = [];
  let bare: BareServer | undefined;
  const bareRequests = async () => {
    bare ??= await startBareGrpcServer(medianOf(serviceTimings.map((t) => t.serverMs)), NEW_TOKENS);
    const client = benchClient(bare.port, load);
    await client.generate(); // connect and warm up
    const started = performance.now();
    while (performance.now() - started < Math.min(SECONDS, 2) * 1000) bareTimings.push(await client.generate());
    client.close();
  };
  try {
    for (let i = 0; i < REPEAT; i++) {
      // Each service measurement right after (or, at 1 stream, interleaved with) its raw
      // counterpart, so that a round's own ratios compare like with like (this VM drifts).
      collectGarbage();
      const { raw: r1, service: s1 } = await singleStreams(dir, service.grpcPort, load, serviceTimings);
      collectGarbage();
      await bareRequests();
      const measured: number[] = [];
      for (const measure of [() => rawLoop(dir, 16), loaded16, () => twoRawLoops(dir)]) {
        collectGarbage();
        measured.push(await measure());
      }
      const [r16, s16, two] = measured as [number, number, number];
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
    // Where the 1-client gap goes: per request, the client's clock minus the server's timings.total.
    const overhead = (ts: readonly TimedRequest[]) => medianOf(ts.map((t) => t.clientMs - t.serverMs));
    const [serviceOverhead, bareOverhead, serverMs] = [overhead(serviceTimings), overhead(bareTimings), medianOf(serviceTimings.map((t) => t.serverMs))];
    const rawMs = (1000 * NEW_TOKENS) / raw1;
    process.stdout.write(
      `${'1 client, per request (medians)'.padEnd(46)} raw sequence ${rawMs.toFixed(1)} ms; service ${serverMs.toFixed(1)} ms in its engine + ${serviceOverhead.toFixed(2)} ms around it; ` +
        `a bare grpc-js server answering after as long: + ${bareOverhead.toFixed(2)} ms, so gRPC alone allows 1 client / raw batch 1 <= ${(rawMs / (rawMs + bareOverhead)).toFixed(2)}x\n`,
    );
    process.stdout.write(`${'padding in the 16-client batches'.padEnd(46)} ${((100 * padding.padding) / padding.total).toFixed(1)}% of the cache positions attended (--join-hold-steps, --regroup-wait-ms)\n`);
    // What the machine allows: 16 sequences on every core with no server at all, against one
    // raw stream. Targets 2 and 3 together need service 16 >= 3.6x raw batch 1.
    process.stdout.write(`${'2 raw loops x batch 8 / raw batch 1'.padEnd(46)} ${(twoRaw8 / raw1).toFixed(2)}x  (the ceiling of service 16 / raw batch 1; targets 2 and 3 need 3.6x)\n`);
  } finally {
    service.stop();
    bare?.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
