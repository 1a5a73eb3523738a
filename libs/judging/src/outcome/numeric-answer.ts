/** A number read from an answer, with its unit if it names one. */
export interface NumericAnswer {
  readonly value: number;
  /** Canonical unit ("dollar", "hour", "percent"...), if the answer states one. */
  readonly unit?: string;
}

// Unit words (and symbols) by canonical unit. Only units: words like "apples" are not checked.
const UNITS: Readonly<Record<string, readonly string[]>> = {
  dollar: ['$', 'dollar', 'dollars', 'usd', 'bucks'],
  cent: ['cent', 'cents', '¢'],
  euro: ['€', 'euro', 'euros'],
  pound: ['£', 'pound', 'pounds', 'lb', 'lbs'],
  percent: ['%', 'percent', 'per cent'],
  second: ['second', 'seconds', 'sec', 'secs', 's'],
  minute: ['minute', 'minutes', 'min', 'mins'],
  hour: ['hour', 'hours', 'hr', 'hrs', 'h'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years', 'yr', 'yrs'],
  meter: ['meter', 'meters', 'metre', 'metres', 'm'],
  kilometer: ['kilometer', 'kilometers', 'kilometre', 'kilometres', 'km'],
  centimeter: ['centimeter', 'centimeters', 'centimetre', 'centimetres', 'cm'],
  mile: ['mile', 'miles', 'mi'],
  foot: ['foot', 'feet', 'ft'],
  inch: ['inch', 'inches'],
  yard: ['yard', 'yards', 'yd'],
  kilogram: ['kilogram', 'kilograms', 'kg', 'kgs'],
  gram: ['gram', 'grams', 'g'],
  ounce: ['ounce', 'ounces', 'oz'],
  liter: ['liter', 'liters', 'litre', 'litres', 'l'],
  milliliter: ['milliliter', 'milliliters', 'millilitre', 'millilitres', 'ml'],
  gallon: ['gallon', 'gallons', 'gal'],
};
const UNIT_OF = new Map(Object.entries(UNITS).flatMap(([unit, words]) => words.map((w) => [w, unit] as const)));

/** Words that scale the number before them: "1.5 million", "3 dozen". */
const SCALES: Readonly<Record<string, number>> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3 };

const NUMBER = /([$€£])?\s*(-|−)?\s*([$€£])?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s*\/\s*(\d+))?\s*([%¢])?(?:\s*([a-zA-Z]+(?:\s+cent)?))?/g;

/**
 * Reads the number an answer gives: the number after GSM8K's `####` if present, otherwise the
 * last number in the text. Currency signs, thousands separators, trailing zeros and unit words
 * are understood ("$1,000.00", "10 dollars", "1.5 million", "3/4"). Undefined if the text
 * holds no number.
 */
export function readNumericAnswer(text: string): NumericAnswer | undefined {
  const marked = text.lastIndexOf('####');
  const source = (marked >= 0 ? text.slice(marked + 4) : text).replace(/(\d)\s+(?=\d{3}\b)/g, '$1');
  let last: NumericAnswer | undefined;
  for (const m of source.matchAll(NUMBER)) {
    const magnitude = Number(m[4]!.replace(/,/g, '')) / (m[5] === undefined ? 1 : Number(m[5]));
    if (!Number.isFinite(magnitude)) continue;
    const word = m[7]?.toLowerCase();
    const scale = word === undefined ? undefined : SCALES[word];
    const value = (m[2] === undefined ? 1 : -1) * magnitude * (scale ?? 1);
    const symbol = m[1] ?? m[3] ?? m[6];
    const unit = symbol !== undefined ? UNIT_OF.get(symbol) : word !== undefined && scale === undefined ? UNIT_OF.get(word) : undefined;
    last = unit === undefined ? { value } : { value, unit };
  }
  return last;
}

/**
 * Equal, and not in conflicting units. Whole numbers must be equal exactly (1450001 is not
 * 1450000); other values within a relative 1e-6, which absorbs rounding in the last digits.
 */
export function numericallyEqual(a: NumericAnswer, b: NumericAnswer): boolean {
  if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) return false;
  if (Number.isInteger(a.value) && Number.isInteger(b.value)) return a.value === b.value;
  return Math.abs(a.value - b.value) <= 1e-6 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

/** "10", "0.5", "$10" for rationales. */
export function formatNumericAnswer(a: NumericAnswer): string {
  const n = Number(a.value.toPrecision(12)).toString();
  return a.unit === undefined ? n : `${n} ${a.unit}`;
}
