/**
 * The numbers written in an expression, as written, with the sign of a unary minus
 * (`-35.4 / 7` gives "-35.4"; `50 - 3` gives "50" and "3").
 */
export function writtenNumbers(expression: string): string[] {
  const out: string[] = [];
  for (const m of expression.matchAll(/(?<![\d.])(\d+(?:\.\d*)?|\.\d+)/g)) {
    const before = expression.slice(0, m.index).trimEnd();
    const unary = before.endsWith('-') && /(^|[-+*/(×÷^,])$/.test(before.slice(0, -1).trimEnd());
    out.push(unary ? `-${m[1]}` : m[1]!);
  }
  return out;
}
