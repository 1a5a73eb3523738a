/** The arithmetic structure of a calculator expression, when it is plain `+ - * /` over numbers. */
export type Shape =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Shape; readonly right: Shape };

const TOKEN = /\s*(\d+(?:\.\d*)?|\.\d+|[-+*/()×÷−x])/y;

function tokens(expression: string): string[] | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expression);
    if (m === null) return undefined;
    out.push(({ '×': '*', x: '*', '÷': '/', '−': '-' } as Record<string, string>)[m[1]!] ?? m[1]!);
    at = TOKEN.lastIndex;
  }
  return out;
}

/**
 * Parses `expression` into a tree if it uses only numbers, `+ - * /` (also `× ÷ x`) and
 * parentheses; undefined otherwise (functions, powers, percent): rules that reason about the
 * operation then stay silent rather than guess.
 */
export function expressionShape(expression: string): Shape | undefined {
  const list = tokens(expression);
  if (list === undefined || list.length === 0) return undefined;
  let i = 0;
  const peek = () => list[i];
  const primary = (): Shape | undefined => {
    const t = list[i++];
    if (t === undefined) return undefined;
    if (t === '(') {
      const inner = sum();
      return list[i++] === ')' ? inner : undefined;
    }
    if (t === '-' ) {
      const operand = primary();
      return operand?.kind === 'number' ? { ...operand, value: -operand.value, text: `-${operand.text}` } : undefined;
    }
    return /^[\d.]/.test(t) ? { kind: 'number', value: Number(t), text: t } : undefined;
  };
  const chain = (next: () => Shape | undefined, ops: readonly string[]) => (): Shape | undefined => {
    let left = next();
    while (left !== undefined && ops.includes(peek() ?? '')) {
      const op = list[i++] as '+' | '-' | '*' | '/';
      const right = next();
      left = right === undefined ? undefined : { kind: 'binary', op, left, right };
    }
    return left;
  };
  const product = chain(primary, ['*', '/']);
  const sum = chain(product, ['+', '-']);
  const tree = sum();
  return tree !== undefined && i === list.length ? tree : undefined;
}

/** The operators a tree uses, outermost first. */
export function operatorsOf(shape: Shape): Set<'+' | '-' | '*' | '/'> {
  const ops = new Set<'+' | '-' | '*' | '/'>();
  const walk = (s: Shape) => {
    if (s.kind === 'number') return;
    ops.add(s.op);
    walk(s.left);
    walk(s.right);
  };
  walk(shape);
  return ops;
}

/** The numbers written in an expression (any expression, not only plain ones). */
export function expressionLiterals(expression: string): number[] {
  return (expression.match(/(?<![\d.])(\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/giu) ?? []).map(Number).filter(Number.isFinite);
}
