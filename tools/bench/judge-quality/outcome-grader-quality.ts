import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeOutcome, type OutcomeGraderKind } from '@swirl/judging';
import { Confusion } from './precision-recall';

/** Units a GSM8K question asks in, and the same value in a smaller unit: a wrong-unit answer. */
const RESCALES: readonly { asks: RegExp; unit: string; factor: number }[] = [
  { asks: /\b(dollars?|\$|money|cost|pay|earn|spend|price)\b/i, unit: 'cents', factor: 100 },
  { asks: /\bhow many hours\b/i, unit: 'minutes', factor: 60 },
  { asks: /\bhow many minutes\b/i, unit: 'seconds', factor: 60 },
  { asks: /\bhow many days\b/i, unit: 'hours', factor: 24 },
  { asks: /\bhow many (feet|foot)\b/i, unit: 'inches', factor: 12 },
];

/**
 * The numeric grader on every GSM8K test answer: format variants of the gold number must be
 * YES ("18", "18.00", "$18", "18 dollars", "1,234", "The answer is 18.", "#### 18"), and
 * off-by-one answers and the value in another unit (cents for dollars, minutes for hours,
 * "18 dozen") must be NO. YES is the positive class.
 */
export function gsm8kGraderQuality(dataDir: string, file: string): { confusion: Confusion; misses: string[] } {
  const confusion = new Confusion();
  const misses: string[] = [];
  for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { question: string; answer: string };
    const n = Number(row.answer.slice(row.answer.lastIndexOf('####') + 4).trim().replace(/,/g, ''));
    const rescale = RESCALES.find((r) => r.asks.test(row.question));
    const yes = [`${n}`, `${n}.00`, `$${n}`, `${n} dollars`, n.toLocaleString('en-US'), `The answer is ${n}.`, `#### ${n}`];
    const no = [`${n + 1}`, `${n - 1}`, `${n} dozen`, ...(rescale === undefined ? [] : [`${n * rescale.factor} ${rescale.unit}`])];
    for (const [variants, truth] of [[yes, true], [no, false]] as const) {
      for (const v of variants) {
        const said = gradeOutcome({ predicted: v, golds: [row.answer], family: 'math' }).label === 'yes';
        confusion.add(truth, said);
        if (said !== truth && misses.length < 5) misses.push(`${JSON.stringify(v)} vs gold ${n}: graded ${said ? 'YES' : 'NO'}`);
      }
    }
  }
  return { confusion, misses };
}

/**
 * Exact match and token F1 on HotPotQA dev answers: surface paraphrases of the gold answer
 * (case, articles, punctuation, spacing) must be YES, and a sentence around it ("It is X.") YES
 * for token F1; other questions' answers must be NO.
 */
export function hotpotGraderQuality(dataDir: string, file: string, grader: OutcomeGraderKind): Confusion {
  const rows = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as { answer: string }[];
  const confusion = new Confusion();
  rows.forEach((row, i) => {
    const gold = row.answer;
    const paraphrases = [gold.toUpperCase(), gold.toLowerCase(), `the ${gold}.`, ` ${gold.replace(/\s+/g, '  ')} `, `"${gold}"`, ...(grader === 'token-f1' ? [`It is ${gold}.`] : [])];
    for (const p of paraphrases) confusion.add(true, gradeOutcome({ predicted: p, golds: [gold], grader }).label === 'yes');
    const other = rows[(i + 7) % rows.length]!.answer;
    if (other.toLowerCase() !== gold.toLowerCase()) confusion.add(false, gradeOutcome({ predicted: other, golds: [gold], grader }).label === 'yes');
  });
  return confusion;
}
