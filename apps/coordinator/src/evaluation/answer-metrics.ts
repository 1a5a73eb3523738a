/**
 * Answer-level metrics in the SQuAD / HotPotQA style: normalisation (lower case, punctuation,
 * articles and extra whitespace removed), exact match, token precision / recall / F1 against the
 * best-matching gold answer, and numeric equality for math answers.
 */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(PUNCTUATION, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface TokenOverlap {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

export function tokenOverlap(predicted: string, gold: string): TokenOverlap {
  const p = normalizeAnswer(predicted).split(' ').filter(Boolean);
  const g = normalizeAnswer(gold).split(' ').filter(Boolean);
  if (p.length === 0 || g.length === 0) {
    const same = p.length === g.length ? 1 : 0;
    return { f1: same, precision: same, recall: same };
  }
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common += 1;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return { f1: 0, precision: 0, recall: 0 };
  const precision = common / p.length;
  const recall = common / g.length;
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

/** The number an answer states, ignoring currency signs, thousands separators and unit words. */
export function answerNumber(text: string): number | undefined {
  const bare = text
    .trim()
    .replace(/\.$/, '')
    .replace(/^([-+]?)[$€£]\s*/, '$1')
    .replace(/\s*(%|[a-z]+(\s+[a-z]+)*)$/i, '');
  if (!/\d/.test(bare) || !/^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(bare)) return undefined;
  return Number(bare.replace(/,/g, ''));
}

/** Numeric equality with relative tolerance 1e-6; undefined when either side is not a number. */
export function numbersEqual(predicted: string, gold: string): boolean | undefined {
  const [a, b] = [answerNumber(predicted), answerNumber(gold)];
  if (a === undefined || b === undefined) return undefined;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Best match of a predicted answer over the gold answers. */
export interface AnswerMatch extends TokenOverlap {
  readonly exactMatch: boolean;
  readonly numericMatch: boolean | undefined;
  /** The gold answer with the best F1 (ties: the first). */
  readonly matchedGold: string;
}

export function matchAnswer(predicted: string, golds: readonly string[]): AnswerMatch {
  let best: AnswerMatch = { f1: 0, precision: 0, recall: 0, exactMatch: false, numericMatch: undefined, matchedGold: golds[0] ?? '' };
  const normalized = normalizeAnswer(predicted);
  let anyExact = false;
  let anyNumeric: boolean | undefined;
  for (const gold of golds) {
    const overlap = tokenOverlap(predicted, gold);
    anyExact ||= normalized === normalizeAnswer(gold);
    const numeric = numbersEqual(predicted, gold);
    if (numeric !== undefined) anyNumeric = (anyNumeric ?? false) || numeric;
    if (overlap.f1 > best.f1) best = { ...best, ...overlap, matchedGold: gold };
  }
  return { ...best, exactMatch: anyExact, numericMatch: anyNumeric };
}
