/**
 * Numbers a word problem uses without writing them: unit conversions between units the
 * question mentions (minutes and hours: 60), percentages (100). Each entry needs all of its
 * patterns to appear in the question.
 */
const CONVERSIONS: readonly { readonly needs: readonly RegExp[]; readonly values: readonly number[] }[] = [
  { needs: [/\bseconds?\b/, /\bminutes?\b/], values: [60] },
  { needs: [/\bminutes?\b/, /\bhours?\b|\bhourly\b/], values: [60] },
  { needs: [/\bhours?\b|\bhourly\b/, /\bdays?\b|\bdaily\b|\bnight\b/], values: [24] },
  { needs: [/\bdays?\b|\bdaily\b|\bnights?\b/, /\bweeks?\b|\bweekly\b/], values: [7] },
  { needs: [/\bweeks?\b|\bweekly\b/, /\byears?\b|\byearly\b|\bannual/], values: [52] },
  { needs: [/\bmonths?\b|\bmonthly\b/, /\byears?\b|\byearly\b|\bannual/], values: [12] },
  { needs: [/\bdays?\b|\bdaily\b/, /\bmonths?\b|\bmonthly\b/], values: [30, 31] },
  { needs: [/\bdays?\b|\bdaily\b/, /\byears?\b|\byearly\b|\bannual/], values: [365] },
  { needs: [/\bweeks?\b/, /\bmonths?\b/], values: [4] },
  { needs: [/%|\bpercent/], values: [100, 1] },
  { needs: [/\bcents?\b|\bpennies\b|\bdimes?\b|\bnickels?\b|\bquarters\b/], values: [100, 10, 5, 25, 0.01, 0.1, 0.05, 0.25] },
  { needs: [/\bfeet\b|\bfoot\b/, /\binch(es)?\b/], values: [12] },
  { needs: [/\byards?\b/, /\bfeet\b|\bfoot\b/], values: [3] },
  { needs: [/\b(centi)?met(er|re)s?\b|\bcm\b/], values: [100] },
  { needs: [/\bkilo(met(er|re)s?|grams?)\b|\bkm\b|\bkg\b/], values: [1000] },
  { needs: [/\bm?illilit(er|re)s?\b|\bml\b/], values: [1000] },
  { needs: [/\bpounds?\b/, /\bounces?\b/], values: [16] },
  { needs: [/\bgallons?\b/, /\bquarts?\b|\bpints?\b|\bcups?\b|\bounces?\b/], values: [4, 8, 16, 128] },
  { needs: [/\bdecades?\b/], values: [10] },
  // A single unit implies its usual conversions: a week has 7 days, a year 12 months.
  { needs: [/\bweeks?\b|\bweekly\b/], values: [7] },
  { needs: [/\bmonths?\b|\bmonthly\b/], values: [12] },
  { needs: [/\byears?\b|\byearly\b|\bannual/], values: [12, 52, 365] },
  { needs: [/\bhours?\b|\bhourly\b/], values: [60] },
  { needs: [/\bminutes?\b/], values: [60] },
  { needs: [/\bcentur(y|ies)\b/], values: [100] },
];

/** Conversion constants the question's units allow. */
export function impliedConstants(question: string): number[] {
  const text = question.toLowerCase();
  return CONVERSIONS.filter((c) => c.needs.every((re) => re.test(text))).flatMap((c) => c.values);
}
