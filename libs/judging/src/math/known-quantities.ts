import { impliedConstants } from './implied-constants';
import { statedResults } from './stated-results';
import { numberMentions, numberWordValues } from './number-mentions';
import { addable, productKind, quantityKind, type QuantityKind } from './quantity-kind';
import { sameNumber, standsFor } from './same-number';
import type { CalculationRecord } from './calculation-record';
import type { Shape } from './expression-shape';

/** A number the question writes with digits, and what it measures. */
export interface QuestionQuantity {
  readonly value: number;
  readonly kind: QuantityKind;
  readonly percent: boolean;
  /** The ways a calculation may write it: the value, a fraction's parts, a percentage / 100. */
  readonly forms: readonly number[];
}

/** Everything a calculation may legitimately use: the question's numbers and earlier results. */
export interface KnownQuantities {
  readonly question: readonly QuestionQuantity[];
  /** Number words ("three", "half") and unit conversions the question implies. */
  readonly implied: readonly number[];
  /** Earlier successful calculations, oldest first. */
  readonly results: readonly CalculationRecord[];
  /**
   * Whether a number written in an expression comes from the question, the model's reasoning or
   * an earlier result (only results of steps before `beforeStep`, when given).
   */
  isKnown(written: string, beforeStep?: number): boolean;
  /** What a number may measure (one entry per quantity it may be); undefined if any is unknown. */
  kindsOf(value: number): readonly QuantityKind[] | undefined;
  /** The possible kinds of a whole expression tree, when they follow from its parts. */
  kindsOfShape(shape: Shape): readonly QuantityKind[] | undefined;
}

const keyOf = (k: QuantityKind) => `${k.money}|${k.nouns.join(' ')}|${k.per ?? ''}`;
const distinct = (kinds: readonly QuantityKind[]) => [...new Map(kinds.map((k) => [keyOf(k), k])).values()];

/** The kind of `l op r`, when the operation keeps it meaningful. */
function combine(op: '+' | '-' | '*' | '/', l: QuantityKind, r: QuantityKind): QuantityKind | undefined {
  if (op === '+' || op === '-') return addable(l, r) === true ? l : undefined;
  if (op === '*') return productKind(l, r);
  return l.money && !r.money && r.per === undefined ? { money: true, nouns: [] } : undefined;
}

/**
 * @param ownText the model's own earlier turns and the current reasoning: numbers it states there
 *   count as known, and arithmetic it worked out correctly ("200 - 16 = 184") as results.
 */
export function knownQuantities(questionText: string, calculations: readonly CalculationRecord[], ownText = ''): KnownQuantities {
  const mentions = numberMentions(questionText);
  const question = mentions.map((m, i) => ({
    value: m.value,
    kind: quantityKind(questionText, m, mentions[i + 1]?.start ?? questionText.length),
    percent: m.percent,
    forms: [m.value, ...m.parts, ...(m.percent ? [m.value / 100] : [])],
  }));
  const percentForms = question.filter((q) => q.percent).flatMap((q) => [q.value / 100, 1 - q.value / 100, 100 - q.value, 1 + q.value / 100, 100 + q.value, 0.01]);
  // 1 and 2 need no mention: a unit, a pair, there and back.
  const fractionParts = mentions.flatMap((m) => m.parts);
  // Numbers written other than as plain digits: they make a digit reading of the same value
  // uncertain ("$2" and "twice"). Unit conversions do not: a written "$24" stays money.
  const worded = [...fractionParts, ...numberWordValues(questionText), ...percentForms, ...statedResults(ownText)];
  const implied = [0, 1, 2, ...worded, ...impliedConstants(questionText)];
  const results = calculations.filter((c) => c.value !== undefined);
  // Facts the model states in its own words ("December has 31 days") are its to answer for;
  // the rule is about numbers that come from nowhere.
  const stated = numberMentions(ownText).map((m) => m.value);
  const givens = [...question.map((q) => q.value), ...implied, ...stated];

  // A value can stand for several quantities ("8 hours a day", "after 8 days"): kinds are
  // candidate lists, and undefined when any candidate is unknown.
  const resultKinds = new Map<CalculationRecord, readonly QuantityKind[] | undefined>();
  const kindsOf = (value: number, before = results.length): readonly QuantityKind[] | undefined => {
    const mentioned = question.filter((q) => sameNumber(q.value, value));
    // A number that is also a percentage or a number word may be either: nothing can be said.
    if (mentioned.some((q) => q.percent) || worded.some((w) => sameNumber(w, value))) return undefined;
    const kinds: (readonly QuantityKind[] | undefined)[] = mentioned.map((q) => [q.kind]);
    for (const r of results.slice(0, before)) if (sameNumber(r.value!, value)) kinds.push(resultKinds.get(r));
    if (kinds.length === 0 || kinds.some((k) => k === undefined)) return undefined;
    return distinct(kinds.flatMap((k) => k!));
  };
  const kindsOfShape = (shape: Shape, before = results.length): readonly QuantityKind[] | undefined => {
    if (shape.kind === 'number') return kindsOf(shape.value, before);
    const [ls, rs] = [kindsOfShape(shape.left, before), kindsOfShape(shape.right, before)];
    if (ls === undefined || rs === undefined) return undefined;
    // Readings under which the earlier calculation made sense are the ones it meant.
    const out: QuantityKind[] = [];
    for (const l of ls) for (const r of rs) {
      const k = combine(shape.op, l, r);
      if (k !== undefined) out.push(k);
    }
    return out.length === 0 ? undefined : distinct(out);
  };
  results.forEach((r, i) => resultKinds.set(r, r.shape === undefined ? undefined : kindsOfShape(r.shape, i)));

  return {
    question,
    implied,
    results,
    isKnown: (written, beforeStep = Number.POSITIVE_INFINITY) =>
      givens.some((c) => standsFor(written, c)) || results.some((r) => r.stepIndex < beforeStep && standsFor(written, r.value!)),
    kindsOf: (value) => kindsOf(value),
    kindsOfShape: (shape) => kindsOfShape(shape),
  };
}
