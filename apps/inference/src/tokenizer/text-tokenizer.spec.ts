import { readDecoderConfig } from '../model/model-config';
import { tinyDecoderDir } from '../testing/tiny-decoder.test-support';
import { TextTokenizer } from './text-tokenizer';

describe('TextTokenizer.decode', () => {
  it('gives every single token the text a fresh tokenizer gives it, keeping or skipping special tokens, in either order', () => {
    const dir = tinyDecoderDir();
    const config = readDecoderConfig(dir);
    const ids = Array.from({ length: config.vocabSize }, (_, i) => i);
    // Asked once per (id, skip), so every answer is decoded afresh.
    const fresh = new TextTokenizer(dir, config.chatTemplate);
    const expected = ids.map((id) => [fresh.decode([id], false), fresh.decode([id], true)]);
    // Asked twice each: special tokens first kept then skipped for even ids, the other way round for odd ones.
    const memoized = new TextTokenizer(dir, config.chatTemplate);
    for (let round = 0; round < 2; round++) {
      for (const id of ids) for (const skip of id % 2 === 0 ? [false, true] : [true, false]) expect([id, skip, memoized.decode([id], skip)]).toEqual([id, skip, expected[id]![skip ? 1 : 0]]);
    }
    // The special tokens do differ between the two (else the check above could not tell them apart).
    const eos = config.eosTokenIds[0]!;
    expect(memoized.decode([eos], true)).toBe('');
    expect(memoized.decode([eos], false)).not.toBe('');
  });
});

describe('TextTokenizer.decode of two-token windows', () => {
  it('gives every pair the text a fresh tokenizer gives it, also after the memo has filled and started over', () => {
    const dir = tinyDecoderDir();
    const config = readDecoderConfig(dir);
    const V = config.vocabSize;
    // 70 000 distinct pairs (more than the 65 536 kept), special tokens among them.
    const pairs = Array.from({ length: 70_000 }, (_, i) => [Math.floor(i / V) % V, (i * 7919) % V] as const);
    const fresh = new TextTokenizer(dir, config.chatTemplate);
    const expected = pairs.map((pair) => fresh.decode(pair, false));
    const memoized = new TextTokenizer(dir, config.chatTemplate);
    // Single tokens first: a pair's key must not find a single token's text.
    for (let id = 0; id < V; id++) memoized.decode([id], false);
    const wrong: unknown[] = [];
    for (let round = 0; round < 2; round++) {
      pairs.forEach((pair, i) => {
        const text = memoized.decode(pair, false);
        if (text !== expected[i]) wrong.push({ round, pair, text, expected: expected[i] });
      });
    }
    expect(wrong).toEqual([]);
    // Skipping special tokens is memoized apart.
    const eos = config.eosTokenIds[0]!;
    expect(memoized.decode([eos, 65], true)).toBe(fresh.decode([eos, 65], true));
    expect(memoized.decode([eos, 65], true)).not.toBe(memoized.decode([eos, 65], false));
  });
});
