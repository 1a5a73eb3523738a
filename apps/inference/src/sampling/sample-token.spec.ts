import { SeededRandom } from './seeded-random';
import { sampleToken, type SamplingConfig } from './sample-token';

/** The first implementation (a comparator sort of every id), kept as the definition of the order and the draw. */
function referenceDraw(logits: Float32Array, offset: number, vocab: number, config: SamplingConfig, random: SeededRandom): number {
  const order = Array.from({ length: vocab }, (_, i) => i).sort((a, b) => logits[offset + b]! - logits[offset + a]! || a - b);
  const k = config.topK > 0 ? Math.min(config.topK, vocab) : vocab;
  const max = logits[offset + order[0]!]!;
  const weights: number[] = [];
  let total = 0;
  for (let i = 0; i < k; i++) {
    const w = Math.exp((logits[offset + order[i]!]! - max) / config.temperature);
    weights.push(w);
    total += w;
  }
  let keep = k;
  if (config.topP < 1) {
    let cumulative = 0;
    for (let i = 0; i < k; i++) {
      cumulative += weights[i]! / total;
      if (cumulative >= config.topP) {
        keep = i + 1;
        break;
      }
    }
  }
  let mass = 0;
  for (let i = 0; i < keep; i++) mass += weights[i]!;
  let u = random.next() * mass;
  for (let i = 0; i < keep; i++) {
    u -= weights[i]!;
    if (u < 0) return order[i]!;
  }
  return order[keep - 1]!;
}

/** Logits with many exact ties, signed zeros and infinities, so the tie-breaking is exercised. */
function logitsFor(seed: number, vocab: number, rows: number): Float32Array {
  const r = new SeededRandom(seed);
  const out = new Float32Array(vocab * rows);
  for (let i = 0; i < out.length; i++) {
    const u = r.next();
    out[i] = u < 0.3 ? Math.round(r.next() * 2) - 1 : u < 0.45 ? -0 : u < 0.46 ? -Infinity : (r.next() - 0.5) * 4;
  }
  return out;
}

describe('sampleToken', () => {
  const configs: SamplingConfig[] = [
    { temperature: 1, topK: 0, topP: 1 },
    { temperature: 0.7, topK: 0, topP: 1 },
    { temperature: 1.3, topK: 40, topP: 1 },
    { temperature: 1, topK: 0, topP: 0.9 },
    { temperature: 2, topK: 5, topP: 0.5 },
    { temperature: 1, topK: 1, topP: 1 },
  ];

  it.each(configs)('draws exactly the token of the reference comparator sort (%o)', (config) => {
    const vocab = 263;
    const rows = 3;
    for (let seed = 1; seed <= 40; seed++) {
      const logits = logitsFor(seed, vocab, rows);
      const fast = new SeededRandom(seed * 7);
      const slow = new SeededRandom(seed * 7);
      for (let draw = 0; draw < 25; draw++) {
        const row = draw % rows;
        const expected = referenceDraw(logits, row * vocab, vocab, config, slow);
        expect(sampleToken(logits, row * vocab, vocab, config, fast).tokenId).toBe(expected);
      }
    }
  });

  it('greedy takes the largest logit, the lowest id on a tie, and reports its temperature-1 log-probability', () => {
    const logits = Float32Array.from([0, 3, -1, 3, 2]);
    const picked = sampleToken(logits, 0, 5, { temperature: 0, topK: 0, topP: 1 }, new SeededRandom(1));
    const z = [0, 3, -1, 3, 2].reduce((s, l) => s + Math.exp(l), 0);
    expect(picked.tokenId).toBe(1);
    expect(picked.logprob).toBeCloseTo(3 - Math.log(z), 6);
  });

  it('top-k 1 is greedy whatever the draw, and top-p keeps only the head of the distribution', () => {
    const logits = Float32Array.from([1, 5, 2, 5.5, -3]);
    for (let seed = 0; seed < 50; seed++) {
      expect(sampleToken(logits, 0, 5, { temperature: 1, topK: 1, topP: 1 }, new SeededRandom(seed)).tokenId).toBe(3);
      // p(3) ~ 0.61, p(1) ~ 0.37: top-p 0.9 keeps exactly those two.
      expect([1, 3]).toContain(sampleToken(logits, 0, 5, { temperature: 1, topK: 0, topP: 0.9 }, new SeededRandom(seed)).tokenId);
    }
  });
});
