/**
 * Decode throughput, measured in one run on one model: a plain onnxruntime loop (batch 1 and
 * batch 16) against the inference service over gRPC (1 and 16 concurrent clients), with the
 * ratios the inference issue sets as targets, and two raw batch-8 loops at once (the most two
 * cores give 16 sequences). The raw loops and the service at 1 and 16 clients run in turn, in
 * short blocks (see `inTurn`); where the 1-client gap goes is printed against a bare grpc-js server (bare-grpc-server.ts).
 * With --repeat 20 or more, each target ratio also gets a 95% interval (median-interval.ts).
 * Run: npm run bench:inference [-- --model DIR --repeat 40].
 */
import { spawn } from 'node:child_process';
import { loadOnnxDecoder } from '../../../apps/inference/src/model/onnx-decoder';
import { tinyDecoderDir } from '../../../apps/inference/src/testing/tiny-decoder.test-support';
import { rawDecodeLoop, rawSequence } from './raw-decode-loop';
import { arg, median as medianOf } from './bench-args';
import { medianInterval } from './median-interval';
import { startBareGrpcServer, type BareServer } from './bare-grpc-server';
import { benchClient, cachePositions, startService, type LoadOptions, type ServiceProcess, type TimedRequest } from './service-under-load';

const MODEL = arg('model', '');
const NEW_TOKENS = Number(arg('tokens', '64'));
const SECONDS = Number(arg('seconds', '6'));
// onnxruntime threads per operator, the same for the raw loop and the service (like for like).
const THREADS = Number(arg('threads', '1'));
// Rounds of all five measurements, interleaved; medians are reported (a shared VM drifts by 10-15% between runs).
const REPEAT = Number(arg('repeat', '1'));
// The service's decoding threads (each with its own session and batch; requests go to the least loaded).
const ENGINE_THREADS = Number(arg('engine-threads', '2'));
// More service flags, after the benchmark's own (e.g. "--engine-idle-spin-ms=0").
const SERVICE_ARGS = arg('service-args', '').split(' ').filter(Boolean);
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

/** Sequences per block of a batch-1 side (raw, 1 client); the first of each block is not counted. */
const BLOCK = 6;
/** The same at batch 16 (raw batch 16, and requests per client at 16 clients): a sequence takes ~16x longer. */
const BLOCK_16 = 3;

/** Concurrent clients of the many-client side (the issue's 16). */
const CLIENTS = 16;

/** What one side counted: tokens over the time they took. */
interface Counted {
  tokens: number;
  ms: number;
}

/** Tokens per second of what a side counted. */
const rateOf = (c: Counted) => (1000 * c.tokens) / c.ms;

/** What several blocks of one side counted together. */
const sumOf = (cs: readonly Counted[]): Counted => ({ tokens: cs.reduce((t, c) => t + c.tokens, 0), ms: cs.reduce((t, c) => t + c.ms, 0) });

/** What each side counted in one pass through the four blocks. */
interface Pass {
  readonly raw1: Counted;
  readonly service1: Counted;
  readonly raw16: Counted;
  /** All 16 clients' tokens over one client's mean counted time (they ran side by side). */
  readonly service16: Counted;
}

/** Rounds it takes to print a 95% interval: the bootstrap draws whole rounds, and with fewer (5 in a trial run) its interval came out far narrower than the rounds scatter. */
const MIN_ROUNDS_FOR_INTERVAL = 20;

/** The inference issue's targets, in the order every ratio list here follows. */
const TARGETS = [
  { name: 'service 16 clients / raw batch 16', min: 0.8 },
  { name: 'service 1 client / raw batch 1', min: 0.9 },
  { name: 'service 16 clients / service 1 client', min: 4 },
] as const;

/** The target ratios (in `TARGETS` order) of one pass: blocks seconds apart, so the VM's drift between minutes cancels. */
type PassRatios = [number, number, number];

const ratiosOf = (p: Pass): PassRatios => [rateOf(p.service16) / rateOf(p.raw16), rateOf(p.service1) / rateOf(p.raw1), rateOf(p.service16) / rateOf(p.service1)];

/**
 * Raw batch 1, the service at 1 client, raw batch 16 and the service at 16 clients, measured
 * together: a block of each in turn, for 4 x SECONDS. Measured in one stretch of seconds each,
 * they compared different speeds of this VM (the same raw loop took 37-62 ms per sequence within
 * one minute, and ratios of measurements seconds apart ranged 0.66-1.05 at 1 stream and 3.0-7.4
 * at 16 clients over 1 within one run). Within a block each runs as it would alone: the raw loop
 * back to back, each client sending its next request when the last returns. The first sequence
 * of a block (of each client's, at 16) follows the other sides' blocks (a sequence after ~70 ms
 * asleep took 6-12% longer here) and is not counted. A side's rate is its counted tokens over its
 * counted time; at 16 clients, all clients' tokens over one client's mean counted time (each
 * client always has a request waiting, so that is the service's throughput, as at 1 client). Every counted 1-client request goes to `timings`.
 * Returns each pass's counts; a side's rate over the round is its passes' counts summed.
 */
async function inTurn(
  dir: string,
  service: ServiceProcess,
  load: LoadOptions,
  timings: TimedRequest[],
  padding: { total: number; padding: number },
): Promise<Pass[]> {
  const decoder = await loadOnnxDecoder(dir, { intraOpThreads: THREADS });
  const client = benchClient(service.grpcPort, load);
  const passes: Pass[] = [];
  const rawBlock = async (batch: number, sequences: number): Promise<Counted> => {
    const block = { tokens: 0, ms: 0 };
    for (let i = 0; i < sequences; i++) {
      const t = performance.now();
      const tokens = await rawSequence(decoder, batch, PROMPT, NEW_TOKENS);
      if (i === 0) continue;
      block.tokens += tokens;
      block.ms += performance.now() - t;
    }
    // Its tensors stay in this process: collected before the clients run (see collectGarbage).
    collectGarbage();
    return block;
  };
  const clientBlock = async (requests: number, record?: TimedRequest[]): Promise<Counted> => {
    const block = { tokens: 0, ms: 0 };
    for (let i = 0; i < requests; i++) {
      const request = await client.generate();
      if (i === 0) continue;
      block.tokens += request.tokens;
      block.ms += request.clientMs;
      record?.push(request);
    }
    return block;
  };
  const started = performance.now();
  while (performance.now() - started < 4 * SECONDS * 1000) {
    const raw1 = await rawBlock(1, BLOCK);
    const service1 = await clientBlock(BLOCK, timings);
    const raw16 = await rawBlock(16, BLOCK_16);
    const before = await cachePositions(service.metricsPort);
    const clients = sumOf(await Promise.all(Array.from({ length: CLIENTS }, () => clientBlock(BLOCK_16))));
    const after = await cachePositions(service.metricsPort);
    padding.total += after.total - before.total;
    padding.padding += after.padding - before.padding;
    passes.push({ raw1, service1, raw16, service16: { tokens: clients.tokens, ms: clients.ms / CLIENTS } });
  }
  client.close();
  await decoder.session.release();
  return passes;
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
  process.stdout.write(`model ${dir} (${config.numLayers} layers, ${config.numKvHeads} heads x ${config.headDim}, vocab ${config.vocabSize}, ${cacheOutputs}-cache signature); prompt ${PROMPT.length} tokens, ${NEW_TOKENS} new tokens, ${SECONDS} s per measurement (raw 1, service 1, raw 16, service 16 in turn, blocks of ${BLOCK} / ${BLOCK_16} sequences, for 4 x ${SECONDS} s), ${THREADS} onnxruntime thread(s) per session on both sides, service with ${ENGINE_THREADS} engine thread(s)${SERVICE_ARGS.length > 0 ? ` and ${SERVICE_ARGS.join(' ')}` : ''}, ${REPEAT} round(s)\n`);
  const service = await startService(dir, GC_FLAGS, ['--max-batch-size=16', `--intra-op-threads=${THREADS}`, `--engine-threads=${ENGINE_THREADS}`, ...SERVICE_ARGS]);
  const load = { prompt: PROMPT, newTokens: NEW_TOKENS, seconds: SECONDS };
  // Cache positions the 16-client blocks attended over, and the padding among them.
  const padding = { total: 0, padding: 0 };
  const rounds: number[][] = [];
  /** Each round's passes. */
  const passesByRound: PassRatios[][] = [];
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
      collectGarbage();
      const passes = await inTurn(dir, service, load, serviceTimings, padding);
      passesByRound.push(passes.map(ratiosOf));
      const [r1, s1, r16, s16] = (['raw1', 'service1', 'raw16', 'service16'] as const).map((side) => rateOf(sumOf(passes.map((p) => p[side]))));
      collectGarbage();
      await bareRequests();
      collectGarbage();
      const two = await twoRawLoops(dir);
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
    [svc16 / raw16, svc1 / raw1, svc16 / svc1].forEach((v, k) => {
      const { name, min } = TARGETS[k]!;
      process.stdout.write(`${name.padEnd(46)} ${v.toFixed(2)}x  (target >= ${min}x) ${v >= min ? 'met' : 'NOT met'}\n`);
    });
    if (REPEAT > 1) {
      // The same ratios taken within each round, then the median: less exposed to drift between rounds.
      const paired = (num: number, den: number) => medianOf(rounds.map((r) => r[num]! / r[den]!)).toFixed(2);
      process.stdout.write(`${'medians of the per-round ratios'.padEnd(46)} ${paired(3, 1)}x / ${paired(2, 0)}x / ${paired(3, 2)}x\n`);
    }
    // The finest pairing: each pass through the four blocks on its own, with a 95% interval of
    // the median (rounds resampled whole); a target counts as shown only when the interval clears it.
    const passes = passesByRound.flat();
    const withInterval = REPEAT >= MIN_ROUNDS_FOR_INTERVAL;
    process.stdout.write(`per pass through the four blocks (${passes.length} passes in ${REPEAT} rounds), medians${withInterval ? ' with 95% bootstrap intervals' : ` (intervals from --repeat ${MIN_ROUNDS_FOR_INTERVAL} on)`}:\n`);
    TARGETS.forEach(({ name, min: target }, k) => {
      const byRound = passesByRound.map((round) => round.map((p) => p[k]!));
      const m = withInterval ? medianInterval(byRound) : { median: medianOf(byRound.flat()), low: NaN, high: NaN };
      const verdict = !withInterval ? '' : m.low >= target ? ' met: the interval clears the target;' : m.high < target ? ' NOT met: the interval is below the target;' : ' not resolved: the interval spans the target;';
      const interval = withInterval ? ` [${m.low.toFixed(2)}, ${m.high.toFixed(2)}]` : '';
      process.stdout.write(`  ${name.padEnd(44)} ${m.median.toFixed(2)}x${interval}  (target >= ${target}x)${verdict} ${passes.filter((p) => p[k]! >= target).length} of ${passes.length} passes >= target\n`);
    });
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
