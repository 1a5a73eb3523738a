import { deriveSeed } from './derive-seed';

/**
 * Which examples each update uses: the examples in a fresh seeded permutation per pass
 * ("epoch"), the passes laid end to end, and update u takes the next `batchSize` of them. The
 * order depends only on (seed, example count, batch size), so a resumed run redoes an update
 * on exactly the states it used the first time.
 */
export class ExampleSchedule {
  private readonly permutations = new Map<number, Uint32Array>();

  constructor(
    private readonly seed: number,
    readonly exampleCount: number,
    readonly batchSize: number,
  ) {
    if (!Number.isInteger(exampleCount) || exampleCount < 1) throw new RangeError(`exampleCount must be >= 1, got ${exampleCount}`);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be >= 1, got ${batchSize}`);
  }

  /** Example indices of 1-based update `update`, in order (a batch may span two passes). */
  batch(update: number): number[] {
    const start = (update - 1) * this.batchSize;
    const out: number[] = [];
    for (let position = start; position < start + this.batchSize; position++) {
      const pass = Math.floor(position / this.exampleCount);
      out.push(this.permutation(pass)[position % this.exampleCount]!);
    }
    // Only the passes around the current update are needed again; keep memory flat on long runs.
    for (const pass of this.permutations.keys()) if (pass < Math.floor(start / this.exampleCount) - 1) this.permutations.delete(pass);
    return out;
  }

  /** Pass (0-based) that update `update` ends in. */
  passOf(update: number): number {
    return Math.floor((update * this.batchSize - 1) / this.exampleCount);
  }

  private permutation(pass: number): Uint32Array {
    let order = this.permutations.get(pass);
    if (order === undefined) {
      order = shuffled(this.exampleCount, deriveSeed(this.seed, 'example-order', pass));
      this.permutations.set(pass, order);
    }
    return order;
  }
}

/** Fisher-Yates over 0..n-1 with a small seeded generator (mulberry32 on the low 32 bits). */
function shuffled(n: number, seed: number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}
