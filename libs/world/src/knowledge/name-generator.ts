import type { SeededRandom } from '../random/seeded-random';

// Consonant-vowel syllables read as pronounceable invented names ("Velora", "Tamisk").
const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'th', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'k', 'th', 'nd'];

/**
 * Hands out invented words that are unique across the whole world, so every name token
 * points a search at few articles and no two entities share a name.
 */
export class NameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  /** A fresh capitalised word of 2-3 syllables, never returned before. */
  word(): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const syllables = this.random.int(2, 3);
      let word = '';
      for (let i = 0; i < syllables; i++) {
        word += this.random.pick(ONSETS) + this.random.pick(VOWELS);
      }
      word += this.random.pick(CODAS);
      const name = word[0].toUpperCase() + word.slice(1);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    throw new Error('name space exhausted: could not find an unused name in 1000 attempts');
  }

  /** Marks a word as taken (e.g. a name chosen by hand). */
  reserve(word: string): void {
    this.used.add(word);
  }
}
