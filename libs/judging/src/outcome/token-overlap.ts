import { answerTokens, normaliseAnswer } from './normalise-answer';

/** SQuAD/HotPotQA token overlap of a prediction with one gold answer. */
export interface TokenOverlap {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

const ZERO: TokenOverlap = Object.freeze({ f1: 0, precision: 0, recall: 0 });
const SPECIAL = new Set(['yes', 'no', 'noanswer']);

/**
 * Token F1, precision and recall after normalisation (multiset overlap). As in HotPotQA's
 * evaluation, yes/no answers only match themselves: "no" does not half-match "no idea".
 */
export function tokenOverlap(predicted: string, gold: string): TokenOverlap {
  const [p, g] = [normaliseAnswer(predicted), normaliseAnswer(gold)];
  if ((SPECIAL.has(p) || SPECIAL.has(g)) && p !== g) return ZERO;
  const [pt, gt] = [answerTokens(predicted), answerTokens(gold)];
  if (pt.length === 0 || gt.length === 0) return ZERO;
  const counts = new Map<string, number>();
  for (const t of gt) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of pt) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  if (common === 0) return ZERO;
  const precision = common / pt.length;
  const recall = common / gt.length;
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}
