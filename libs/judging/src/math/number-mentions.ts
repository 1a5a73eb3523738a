/** A number written in a text, with what surrounds it. */
export interface NumberMention {
  readonly value: number;
  /** Numerator and denominator of a written fraction (`3/4`); empty otherwise. */
  readonly parts: readonly number[];
  /** Character offsets of the number (currency sign and percent sign included). */
  readonly start: number;
  readonly end: number;
  /** Written with a currency sign (`$12`). */
  readonly money: boolean;
  /** Written with `%` or followed by "percent". */
  readonly percent: boolean;
}

// `$1,234.50`, `12`, `.5`, `3/4`, `25%`; a number glued to letters (`2nd`, `H2O`) is not one.
const NUMBER = /(?<![\p{L}\p{N}.])(-(?=[$€£\d.]))?([$€£]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\/(\d+))?(\s?%|\s+percent\b)?(?![\p{L}])/giu;

/** Every number written with digits in `text`, fractions as their value (`3/4` -> 0.75). */
export function numberMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const numerator = Number(m[3]!.replace(/,/g, ''));
    const magnitude = m[4] === undefined ? numerator : numerator / Number(m[4]);
    const value = m[1] === undefined ? magnitude : -magnitude;
    if (!Number.isFinite(value)) continue;
    const parts = m[4] === undefined ? [] : [numerator, Number(m[4])];
    mentions.push({ value, parts, start: m.index!, end: m.index! + m[0].length, money: m[2] !== undefined, percent: m[5] !== undefined });
  }
  return mentions;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1_000_000,
};

/** Words that stand for numbers in word problems; each may mean several values ("half": 2 or 0.5). */
const MULTIPLIERS: Record<string, readonly number[]> = {
  half: [2, 0.5], halves: [2, 0.5], halved: [2, 0.5], twice: [2], double: [2], doubled: [2], doubles: [2], pair: [2], pairs: [2],
  couple: [2], both: [2], triple: [3], tripled: [3], thrice: [3], third: [3], thirds: [3], quarter: [4, 0.25], quarters: [4, 0.25],
  fourth: [4], fifth: [5], sixth: [6], seventh: [7], eighth: [8], ninth: [9], tenth: [10], twelfth: [12], hundredth: [100], dozen: [12], dozens: [12], quadruple: [4], score: [20],
};

/** Values of number words in `text`: "three", "twenty-five", "half", "a dozen". */
export function numberWordValues(text: string): number[] {
  const values: number[] = [];
  for (const m of text.toLowerCase().matchAll(/\b([a-z]+)(?:-([a-z]+))?\b/g)) {
    const [first, second] = [m[1]!, m[2]];
    if (SMALL[first] !== undefined) values.push(second !== undefined && SMALL[second] !== undefined && SMALL[second]! < 10 ? SMALL[first]! + SMALL[second]! : SMALL[first]!);
    for (const word of [first, second]) if (word !== undefined) values.push(...(MULTIPLIERS[word] ?? []));
  }
  return values;
}
