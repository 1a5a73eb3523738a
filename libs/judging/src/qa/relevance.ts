import { containsPhrase } from '../text/contains-phrase';
import { namePhrases } from '../text/name-phrases';
import type { SearchHit } from '../conversation/search-hit';

/** An earlier search: its query and the hits it returned. */
export interface SearchRecord {
  readonly stepIndex: number;
  readonly query: string;
  readonly hits: readonly SearchHit[];
}

/** What is known to be about the question: its names, and the hits that mention them. */
export interface Relevance {
  /** Names the question mentions. */
  readonly questionPhrases: readonly string[];
  /** Names of the question and of every relevant hit. */
  readonly phrases: readonly string[];
  /** Hits that mention a relevant name (directly or through another relevant hit). */
  readonly hits: readonly SearchHit[];
}

const phrasesOfHit = (hit: SearchHit) => (hit.title === undefined ? namePhrases(hit.text) : [hit.title, ...namePhrases(hit.text)]);

/**
 * A hit is relevant if it mentions a name of the question, or a name from another relevant hit
 * (the bridge entity a first search revealed): a fixpoint over all earlier results, so the order
 * in which things were found does not matter. Hits that merely share a word ("Motors") with the
 * question are not relevant; names are matched whole.
 */
export function findRelevance(question: string, searches: readonly SearchRecord[]): Relevance {
  const questionPhrases = namePhrases(question);
  const phrases = new Set(questionPhrases);
  const pending = searches.flatMap((s) => s.hits);
  const relevant: SearchHit[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = pending.length - 1; i >= 0; i--) {
      const hit = pending[i]!;
      if (![...phrases].some((p) => containsPhrase(hit.text, p))) continue;
      pending.splice(i, 1);
      relevant.push(hit);
      for (const p of phrasesOfHit(hit)) phrases.add(p);
      grew = true;
    }
  }
  return { questionPhrases, phrases: [...phrases], hits: relevant };
}
