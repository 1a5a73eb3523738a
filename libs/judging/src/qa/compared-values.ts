import { numberMentions } from '../math/number-mentions';
import { containsPhrase } from '../text/contains-phrase';
import type { SearchRecord } from './relevance';

interface Attribute {
  /** The question asks about it. */
  readonly asked: RegExp;
  /** A result sentence states it. */
  readonly stated: RegExp;
  /** Its values are years. */
  readonly year: boolean;
}

// What a comparison question compares, and how results state it; the first that the question
// asks about wins. A stated verb decides first ("The founder of which company was born first"
// compares birth years); "older" alone means founding for organisations, birth otherwise.
const ATTRIBUTES: readonly Attribute[] = [
  { asked: /\b(born|birth)\b/i, stated: /\b(born|birth)\b/i, year: true },
  { asked: /\b(founded|established|formed|created)\b|\b(company|band|firm|university|school|club|organi[sz]ation)\b.*\b(older|oldest|younger|newer)\b/i, stated: /\b(founded|established|formed|created|dates from)\b/i, year: true },
  { asked: /\b(older|oldest|younger|youngest)\b/i, stated: /\b(born|birth)\b/i, year: true },
  { asked: /\b(people|population|populous|inhabitants|residents)\b/i, stated: /\b(population|people|inhabitants|residents|home to)\b/i, year: false },
  {
    asked: /\b(taller|tallest|height|elevation)\b|\b(higher|highest)\b.*\b(mountain|peak|hill|volcano|building|tower)\b|\b(mountain|peak|hill|volcano|building|tower)\b.*\b(higher|highest)\b/i,
    stated: /\d\s*(metres|meters|m|feet|ft)\b/i,
    year: false,
  },
];

/** Whether the question wants the larger or the smaller value. */
function direction(question: string): 'max' | 'min' | undefined {
  if (/\b(later|younger|youngest|more|larger|largest|bigger|biggest|taller|tallest|higher|highest|longer|longest|most|greater|populous)\b/i.test(question)) return 'max';
  if (/\b(earlier|earliest|first|older|oldest|before|fewer|smaller|smallest|shorter|shortest|lower|lowest|less|least)\b/i.test(question)) return 'min';
  return undefined;
}

/** The value a result states for `option`: a number in a sentence about the attribute, in a hit titled by it. */
function valueOf(option: string, attribute: Attribute, searches: readonly SearchRecord[]): number | undefined {
  for (const search of searches) {
    for (const hit of search.hits) {
      if (hit.title === undefined || !(containsPhrase(hit.title, option) || containsPhrase(option, hit.title))) continue;
      const body = hit.text.slice(hit.title.length + 1);
      for (const sentence of body.split(/(?<=[.!?])\s+/)) {
        if (!attribute.stated.test(sentence)) continue;
        const numbers = numberMentions(sentence).map((m) => m.value).filter((v) => !attribute.year || (Number.isInteger(v) && v >= 1000 && v <= 2100));
        if (numbers[0] !== undefined) return numbers[0];
      }
    }
  }
  return undefined;
}

/** The outcome of a two-way comparison according to the results, if they state both values. */
export interface ComparedValues {
  readonly winner: string;
  readonly loser: string;
  readonly values: readonly [number, number];
}

export function comparedValues(question: string, options: readonly string[], searches: readonly SearchRecord[]): ComparedValues | undefined {
  const want = direction(question);
  const attribute = ATTRIBUTES.find((a) => a.asked.test(question));
  if (options.length !== 2 || want === undefined || attribute === undefined) return undefined;
  const [a, b] = [options[0]!, options[1]!];
  const [va, vb] = [valueOf(a, attribute, searches), valueOf(b, attribute, searches)];
  if (va === undefined || vb === undefined || va === vb) return undefined;
  const aWins = want === 'max' ? va > vb : va < vb;
  return aWins ? { winner: a, loser: b, values: [va, vb] } : { winner: b, loser: a, values: [vb, va] };
}
