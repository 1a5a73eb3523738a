/**
 * The inference engine's own JavaScript per generated token, apart from onnxruntime. The raw
 * decode loop and `GenerationEngine` both run on a session that replays outputs recorded once
 * per input shape from the real model, so each measures only the work around the forward
 * passes: sampling, log-probabilities, detokenization, batch bookkeeping, metrics. This VM's
 * onnxruntime speed varies by up to 1.5x within minutes; this measurement does not depend on
 * it. Baseline: the raw loop's own JavaScript per token (argmax and tensor feeds), same run.
 * Run: npm run bench:inference:overhead [-- --model DIR --seconds 2 --repeat 5]
 */
import { MetricsRecorder } from '../../../apps/inference/src/engine/engine-thread-metrics';
import { GenerationEngine } from '../../../apps/inference/src/engine/generation-engine';
import { loadOnnxDecoder } from '../../../apps/inference/src/model/onnx-decoder';
import type { RuntimeSession, TensorData } from '../../../apps/inference/src/runtime/onnx-runtime';
import { tinyDecoderDir } from '../../../apps/inference/src/testing/tiny-decoder.test-support';
import { arg, median as medianOf } from './bench-args';
import { rawDecodeLoop } from './raw-decode-loop';

const SECONDS = Number(arg('seconds', '2'));
const REPEAT = Number(arg('repeat', '5'));
const NEW_TOKENS = 64;
const PROMPT = Array.from({ length: 48 }, (_, i) => 65 + (i % 26));

/** Answers each input shape with the outputs the real session gave for it the first time. */
function replaying(session: RuntimeSession): RuntimeSession {
  const recorded = new Map<string, Record<string, TensorData>>();
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    run: async (feeds) => {
      const key = `${feeds['input_ids']!.dims.join('x')}/${feeds['attention_mask']!.dims.join('x')}`;
      let out = recorded.get(key);
      if (out === undefined) recorded.set(key, (out = await session.run(feeds)));
      return out;
    },
    release: () => session.release(),
  };
}

async function engineRate(engine: GenerationEngine, recorder: MetricsRecorder, clients: number): Promise<number> {
  let tokens = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() - started < SECONDS * 1000) {
        const result = await engine.generate({ promptIds: PROMPT, sampling: { temperature: 0, topK: 0, topP: 1 }, seed: 0n, numSamples: 1, maxNewTokens: NEW_TOKENS, stopSequences: [], ignoreEos: true, signal: new AbortController().signal });
        tokens += result.sequences[0]!.tokenIds.length;
        // What the engine thread hands over every 250 ms.
        recorder.take();
      }
    }),
  );
  return tokens / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const decoder = await loadOnnxDecoder(arg('model', '') || tinyDecoderDir(), { intraOpThreads: 1 });
  const graph = { ...decoder, session: replaying(decoder.session) };
  const recorder = new MetricsRecorder();
  const engine = new GenerationEngine(graph, decoder.tokenizer, { maxBatchSize: 16, maxQueued: 64, joinHoldSteps: 0, regroupWaitMs: 0 }, recorder.metrics);
  const usPerToken = (rate: number) => 1e6 / rate;
  const measures = [() => rawDecodeLoop(graph, 1, PROMPT, NEW_TOKENS, SECONDS), () => engineRate(engine, recorder, 1), () => rawDecodeLoop(graph, 8, PROMPT, NEW_TOKENS, SECONDS), () => engineRate(engine, recorder, 8)];
  // Warm-up: records every shape and lets the JIT compile both paths.
  for (const measure of measures) await measure();
  const rounds: number[][] = [];
  for (let i = 0; i < REPEAT; i++) {
    const round: number[] = [];
    for (const measure of measures) round.push(usPerToken(await measure()));
    process.stdout.write(`round ${i + 1}: ${round.map((v) => v.toFixed(1)).join(' / ')} us per token (raw 1 / engine 1 / raw 8 / engine 8)\n`);
    rounds.push(round);
  }
  const median = (k: number) => medianOf(rounds.map((r) => r[k]!));
  const [raw1, eng1, raw8, eng8] = [0, 1, 2, 3].map(median) as [number, number, number, number];
  process.stdout.write(`JavaScript per generated token, onnxruntime replayed (medians of ${REPEAT}):\n`);
  process.stdout.write(`  1 sequence:   raw loop ${raw1.toFixed(1)} us, engine ${eng1.toFixed(1)} us (${(eng1 / raw1).toFixed(2)}x the raw loop)\n`);
  process.stdout.write(`  8 sequences:  raw loop ${raw8.toFixed(1)} us, engine ${eng8.toFixed(1)} us (${(eng8 / raw8).toFixed(2)}x the raw loop)\n`);
  await decoder.session.release();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
