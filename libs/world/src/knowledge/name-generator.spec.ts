import { SeededRandom } from '../random/seeded-random';
import { NameGenerator } from './name-generator';

describe('NameGenerator', () => {
  it('returns unique, capitalised, pronounceable words', () => {
    const names = new NameGenerator(new SeededRandom(1));
    const words = Array.from({ length: 3000 }, () => names.word());
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toMatch(/^[A-Z][a-z]{3,}$/);
  });

  it('is deterministic for a seed', () => {
    const first = new NameGenerator(new SeededRandom(9)).word();
    expect(new NameGenerator(new SeededRandom(9)).word()).toBe(first);
  });

  it('never hands out a reserved word', () => {
    const random = new SeededRandom(2);
    const expected = new NameGenerator(new SeededRandom(2)).word();
    const names = new NameGenerator(random);
    names.reserve(expected);
    expect(names.word()).not.toBe(expected);
  });
});
