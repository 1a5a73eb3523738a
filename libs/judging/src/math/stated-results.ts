import { calculate } from '@swirl/calculator';

// `LHS = RESULT` where LHS is plain arithmetic: "200 - 16 = 184", "8 x 3 = 24". One character
// class repeated once (not `(?:[\d.,]+|...)+`): nested repetition backtracks exponentially on
// long runs of digits and dots with no `=` after them, which sampled policies do write.
const STATED = /([\d.,\-+*/x×÷−()$%\s]+?)=\s*\$?(-?\d[\d,]*(?:\.\d+)?)/g;

/**
 * Results the model worked out in its own text and that are right: "200 - 16 = 184" makes 184
 * a derived quantity. A number merely asserted ("it is 184") is not one.
 */
export function statedResults(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(STATED)) {
    const lhs = m[1]!
      .replace(/\$|,(?=\d{3})/g, '')
      .replace(/[x×]/g, '*')
      .replace(/÷/g, '/')
      .replace(/−/g, '-')
      .replace(/^[^\d(.]+/, '')
      .trim();
    if (!/\d\s*[-+*/%]\s*[\d(.]/.test(lhs)) continue;
    const result = calculate(lhs);
    const rhs = Number(m[2]!.replace(/,/g, ''));
    if (result.ok && Math.abs(result.value - rhs) <= 1e-6 * Math.max(1, Math.abs(rhs))) out.push(rhs);
  }
  return out;
}
