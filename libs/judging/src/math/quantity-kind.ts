import type { NumberMention } from './number-mentions';

/**
 * What a quantity of a word problem measures, as far as the surrounding words tell: money or
 * a count of some nouns, possibly per some unit ("$25 per hour": money per hour; "6 hours a
 * day": hours per day). Used to catch additions of things that cannot be added.
 */
export interface QuantityKind {
  readonly money: boolean;
  /** Singular nouns that follow the number ("tomato plants" -> tomato, plant). Empty if unknown. */
  readonly nouns: readonly string[];
  /** Singular unit of a rate ("per hour", "a day", "every week", "each"). */
  readonly per?: string;
}

const NOT_NOUNS = new Set(
  ('a an the of and or to at for from in on by with per each every is are was were be has have had that this it its ' +
    'more less than fewer many much then after before later when while if but as times time total all his her their ' +
    'left remaining extra new old other another same only just about around over under into out up down off ' +
    'he she they we you i him them us one two three four five six seven eight nine ten').split(' '),
);
const MONEY_WORDS = /^(dollars?|cents?|euros?|bucks?)$/;

/** Singular form, so "hours" and "hour" are one unit. */
export function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|ses)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && word.length > 3 ? word.slice(0, -1) : word;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** "per hour", "an hour", "a day", "every week", "each" (a per-item price) -> the unit. */
function rateUnit(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if ((w === 'per' || w === 'every' || w === 'each') && next !== undefined && !NOT_NOUNS.has(next)) return singular(next);
    if ((w === 'a' || w === 'an') && next !== undefined && /^(second|minute|hour|day|night|week|month|year)s?$/.test(next)) return singular(next);
    if (w === 'each' || w === 'apiece') return 'item';
  }
  return undefined;
}

/**
 * The kind of the number at `mention` in `text`: the words right after it up to the next
 * number or clause break, and a rate phrase just before it ("Each day 10 toys").
 */
export function quantityKind(text: string, mention: NumberMention, nextStart: number): QuantityKind {
  const after = text.slice(mention.end, Math.min(nextStart, mention.end + 60)).split(/[.,;:!?]|\band\b|\bthen\b/)[0]!;
  const afterWords = wordsOf(after);
  const nouns: string[] = [];
  for (const w of afterWords) {
    if (NOT_NOUNS.has(w) || nouns.length >= 2) break;
    nouns.push(singular(w));
  }
  const money = mention.money || (afterWords[0] !== undefined && MONEY_WORDS.test(afterWords[0]));
  // Only a rate phrase right before the number counts ("Each day 10 toys"), not one that
  // belongs to an earlier number ("$14 every week for 20 weeks").
  const before = wordsOf(text.slice(Math.max(0, mention.start - 30), mention.start).split(/[.,;:!?]/).pop() ?? '').slice(-2);
  const leading =
    before.length === 2 && /^(each|every|per)$/.test(before[0]!) && !NOT_NOUNS.has(before[1]!)
      ? singular(before[1]!)
      : // "12 rows of 11 plants": 11 plants per row.
        before.length === 2 && before[1] === 'of' && !NOT_NOUNS.has(before[0]!) && /\d\s+[a-z]+\s+of\s*$/i.test(text.slice(0, mention.start))
        ? singular(before[0]!)
        : undefined;
  const per = rateUnit(afterWords.slice(nouns.length, nouns.length + 3)) ?? leading;
  const kind = { money, nouns: money ? [] : nouns };
  return per === undefined ? kind : { ...kind, per };
}

/**
 * Whether two quantities can be added or subtracted: false for money and a count of things, and
 * for quantities of different things at different rates ("$25 per hour" and "6 hours a day",
 * "4 hours" and "60 km per hour"); undefined when the words do not tell.
 */
export function addable(a: QuantityKind, b: QuantityKind): boolean | undefined {
  if (a.money && b.money) return a.per === b.per ? true : undefined;
  if (a.money !== b.money) {
    const other = a.money ? b : a;
    return other.nouns.length > 0 ? false : undefined;
  }
  if (a.nouns.length === 0 || b.nouns.length === 0) return undefined;
  if (a.nouns.some((n) => b.nouns.includes(n))) return a.per === b.per ? true : undefined;
  return a.per === b.per ? undefined : false;
}

/** The kind of a product, when a rate's unit cancels ("$/hour x hours") or money scales by a count. */
export function productKind(a: QuantityKind, b: QuantityKind): QuantityKind | undefined {
  for (const [rate, other] of [[a, b], [b, a]] as const) {
    // "$12 each" times "3 notebooks": a per-item price cancels against any count.
    const cancels = rate.per !== undefined && (other.nouns.includes(rate.per) || (rate.per === 'item' && !other.money && other.nouns.length > 0 && other.per === undefined));
    if (cancels) {
      const base = { money: rate.money, nouns: rate.nouns };
      return other.per === undefined ? base : { ...base, per: other.per };
    }
  }
  if (a.money !== b.money && a.per === undefined && b.per === undefined) return { money: true, nouns: [] };
  return undefined;
}

/** Why `a * b` is not a quantity, if it is not. */
export function productProblem(a: QuantityKind, b: QuantityKind): string | undefined {
  return a.money && b.money ? 'it multiplies two amounts of money' : undefined;
}

/** Why `a / b` is not a quantity, if it is not. */
export function quotientProblem(a: QuantityKind, b: QuantityKind): string | undefined {
  if (a.per !== undefined && a.per !== 'item' && b.nouns.includes(a.per)) return `it divides a rate per ${a.per} by ${a.per}s (a rate times ${a.per}s is what makes sense)`;
  if (!a.money && a.nouns.length > 0 && b.money) return `it divides ${a.nouns.join(' ')} by money`;
  // km / (km per hour) is a time; hours / (km per hour) is nothing.
  if (b.per !== undefined && a.nouns.includes(b.per) && !a.nouns.some((n) => b.nouns.includes(n))) {
    return `it divides ${a.nouns.join(' ')} by ${describeRate(b)}`;
  }
  return undefined;
}

function describeRate(kind: QuantityKind): string {
  return `${kind.money ? 'money' : kind.nouns.join(' ')} per ${kind.per}`;
}
