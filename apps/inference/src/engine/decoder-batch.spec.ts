import { loadOnnxDecoder, type OnnxDecoder } from '../model/onnx-decoder';
import { readReference, tinyDecoderDir, type TinyReference } from '../testing/tiny-decoder.test-support';
import type { CacheOutputs } from '../model/decoder-graph';
import { APPEND_HEADROOM, DecoderBatch } from './decoder-batch';

/** Largest |a - b| between a flat logits array and nested reference rows. */
function maxDiff(actual: Float32Array, expected: number[][]): number {
  const flat = expected.flat();
  let worst = 0;
  flat.forEach((v, i) => (worst = Math.max(worst, Math.abs(actual[i]! - v))));
  return worst;
}

describe.each<CacheOutputs>(['new', 'present'])('DecoderBatch on the learner-exported tiny decoder, %s-cache signature (real onnxruntime)', (cacheOutputs) => {
  let decoder: OnnxDecoder;
  let ref: TinyReference;
  beforeAll(async () => {
    const dir = tinyDecoderDir(1, cacheOutputs);
    decoder = await loadOnnxDecoder(dir, { intraOpThreads: 1 });
    ref = readReference(dir);
  }, 60_000);

  it('loads the graph as that signature', () => {
    expect(decoder.cacheOutputs).toBe(cacheOutputs);
  });
  afterAll(() => decoder?.session.release());

  const V = () => decoder.config.vocabSize;

  it('prefill of a left-padded batch and three cached decode steps match torch within 1e-4', async () => {
    const { batch, logits } = await DecoderBatch.prefill(decoder, ref.prompt_token_ids);
    const lastRows = ref.calls[0]!.logits.map((row) => row[row.length - 1]!);
    expect(maxDiff(logits, lastRows)).toBeLessThanOrEqual(ref.tolerance);
    for (let k = 1; k < ref.calls.length; k++) {
      const step = await batch.step(ref.greedy_token_ids.map((g) => g[k - 1]!));
      expect(maxDiff(step, ref.calls[k]!.logits.map((r) => r[0]!))).toBeLessThanOrEqual(ref.tolerance);
    }
  });

  it('cached decoding equals full recompute of the whole sequence', async () => {
    const prompt = ref.prompt_token_ids[1]!;
    const { batch } = await DecoderBatch.prefill(decoder, [prompt]);
    // Long enough for an append cache to fill its free columns and grow (twice) on the way.
    const extra = Array.from({ length: 2 * APPEND_HEADROOM + 3 }, (_, i) => 65 + (i % 20));
    let cached: Float32Array = new Float32Array(0);
    for (const t of extra) cached = await batch.step([t]);
    const full = await DecoderBatch.prefill(decoder, [[...prompt, ...extra]]);
    let worst = 0;
    for (let i = 0; i < V(); i++) worst = Math.max(worst, Math.abs(cached[i]! - full.logits[i]!));
    expect(worst).toBeLessThanOrEqual(1e-4);
  });

  it('rows that join, are replicated and leave keep the logits they would have alone', async () => {
    const [a, b, c] = ref.prompt_token_ids as [number[], number[], number[]];
    const alone = async (prompt: number[], steps: number[]) => {
      const { batch } = await DecoderBatch.prefill(decoder, [prompt]);
      let out: Float32Array = new Float32Array(0);
      for (const t of steps) out = await batch.step([t]);
      return out;
    };
    // a runs one step alone, then b joins (different length), c joins twice (replicated), a leaves.
    let batch = (await DecoderBatch.prefill(decoder, [a])).batch;
    await batch.step([70]);
    batch = batch.merge((await DecoderBatch.prefill(decoder, [b])).batch);
    await batch.step([71, 80]);
    batch = batch.merge((await DecoderBatch.prefill(decoder, [c])).batch.replicate(0, 2));
    const three = await batch.step([72, 81, 90, 90]);
    batch = batch.select([1, 2, 3]);
    const afterLeave = await batch.step([82, 91, 91]);

    const check = (got: Float32Array, row: number, want: Float32Array) => {
      let worst = 0;
      for (let i = 0; i < V(); i++) worst = Math.max(worst, Math.abs(got[row * V() + i]! - want[i]!));
      expect(worst).toBeLessThanOrEqual(1e-4);
    };
    check(three, 0, await alone(a, [70, 71, 72]));
    check(three, 2, await alone(c, [90]));
    check(three, 3, await alone(c, [90]));
    check(afterLeave, 0, await alone(b, [80, 81, 82]));
    check(afterLeave, 1, await alone(c, [90, 91]));
    expect(batch.size).toBe(3);
    // a was the longest row; once it left, padding no row needs is trimmed.
    expect(batch.padded).toBe(Math.max(b.length + 3, c.length + 2));
    // An append cache attends over the free columns left after it too; a present cache has none.
    expect(batch.attended).toBe(batch.padded + (cacheOutputs === 'new' ? APPEND_HEADROOM - 1 : 0));
  });
});
