import type { CorpusSearcher } from '../search/corpus-searcher';

/** A question and the ids of the documents that support its answer. */
export interface GoldQuestion {
  readonly question: string;
  readonly goldDocIds: readonly string[];
}

/** Fractions (0..1) of questions, per cutoff k. */
export interface RetrievalRecall {
  readonly questions: number;
  /** At least one gold document in the top k. */
  readonly anyGoldAt: Readonly<Record<number, number>>;
  /** Every gold document in the top k. */
  readonly allGoldAt: Readonly<Record<number, number>>;
}

/**
 * Runs every question through `searcher` (the question text is the query) and reports how
 * often gold documents make the top k, for each k in `cutoffs`.
 */
export function measureRetrievalRecall(
  searcher: CorpusSearcher,
  questions: readonly GoldQuestion[],
  cutoffs: readonly number[] = [1, 5, 10],
): RetrievalRecall {
  const deepest = Math.max(...cutoffs);
  const anyCount: Record<number, number> = {};
  const allCount: Record<number, number> = {};
  for (const k of cutoffs) anyCount[k] = allCount[k] = 0;

  for (const { question, goldDocIds } of questions) {
    const ranked = searcher.search(question, { topK: deepest }).hits.map((hit) => hit.docId);
    for (const k of cutoffs) {
      const top = new Set(ranked.slice(0, k));
      const found = goldDocIds.filter((id) => top.has(id)).length;
      if (found > 0) anyCount[k]++;
      if (found === goldDocIds.length) allCount[k]++;
    }
  }
  const asFraction = (counts: Record<number, number>) =>
    Object.fromEntries(cutoffs.map((k) => [k, questions.length ? counts[k] / questions.length : 0]));
  return { questions: questions.length, anyGoldAt: asFraction(anyCount), allGoldAt: asFraction(allCount) };
}
