import { SeededRandom } from './seeded-random';
import { logSoftmaxAt, sampleToken, type SamplingConfig } from './sample-token';

/** Logits with exact ties (-1, 0, 1 are frequent), so the tie order matters to the draws. */
function logitsFor(seed: number, length: number): Float32Array {
  const r = new SeededRandom(seed);
  return Float32Array.from({ length }, () => (r.next() < 0.3 ? Math.round(r.next() * 2) - 1 : (r.next() - 0.5) * 4));
}

describe('sampleToken', () => {
  // Drawn by the first implementation (a comparator sort of every id, before the radix order):
  // a seed must keep its tokens across versions, or recorded runs stop being reproducible.
  const pinned: [SamplingConfig, number[]][] = [
    [{ temperature: 1, topK: 0, topP: 1 }, [60, 164, 24, 171, 145, 51, 222, 66, 26, 23, 157, 175, 160, 15, 229, 136, 199, 16, 153, 128, 226, 232, 250, 181]],
    [{ temperature: 0.7, topK: 0, topP: 1 }, [36, 164, 143, 108, 100, 214, 99, 64, 4, 219, 78, 258, 125, 35, 10, 12, 202, 236, 45, 151, 66, 223, 52, 183]],
    [{ temperature: 1.3, topK: 40, topP: 1 }, [248, 164, 130, 43, 12, 130, 48, 48, 6, 29, 221, 119, 244, 12, 146, 96, 60, 214, 216, 131, 68, 255, 205, 20]],
    [{ temperature: 1, topK: 0, topP: 0.9 }, [109, 164, 110, 116, 149, 236, 102, 166, 166, 132, 126, 245, 72, 52, 38, 35, 94, 219, 145, 155, 182, 232, 89, 218]],
    [{ temperature: 2, topK: 5, topP: 0.5 }, [29, 164, 221, 201, 29, 164, 120, 94, 35, 103, 199, 104, 262, 255, 221, 201, 262, 164, 120, 104, 262, 164, 120, 201]],
  ];

  it.each(pinned)('draws the pinned tokens for a seed (%o)', (config, tokens) => {
    const vocab = 263;
    const logits = logitsFor(11, vocab * 4);
    const random = new SeededRandom(7);
    expect(tokens.map((_, d) => sampleToken(logits, (d % 4) * vocab, vocab, config, random).tokenId)).toEqual(tokens);
  });

  it('greedy takes the largest logit, the lowest id on a tie, and reports its temperature-1 log-probability', () => {
    const logits = Float32Array.from([0, 3, -1, 3, 2]);
    const picked = sampleToken(logits, 0, 5, { temperature: 0, topK: 0, topP: 1 }, new SeededRandom(1));
    const z = [0, 3, -1, 3, 2].reduce((s, l) => s + Math.exp(l), 0);
    expect(picked.tokenId).toBe(1);
    expect(picked.logprob).toBeCloseTo(3 - Math.log(z), 6);
  });

  it('greedy reports exactly the log-probability Score computes for the same token (no rounding difference)', () => {
    const vocab = 263;
    const logits = logitsFor(3, vocab * 8);
    for (let row = 0; row < 8; row++) {
      const picked = sampleToken(logits, row * vocab, vocab, { temperature: 0, topK: 0, topP: 1 }, new SeededRandom(1));
      expect(picked.logprob).toBe(logSoftmaxAt(logits, row * vocab, vocab, picked.tokenId));
    }
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
