import { expressionShape, operatorsOf, type Shape } from '../math/expression-shape';
import { fail, PASS, type Rule } from './rule';

type Op = '+' | '-' | '*' | '/';

/**
 * Phrasings that name the operation about to be done: an instruction at the start of the
 * sentence ("Add the gift", "Share the rest equally") or a connective ("the bill minus the
 * total", "the total distance is the sum"). Words that merely describe the story ("the money
 * she shared", "the total") do not count.
 */
const CUES: readonly { readonly pattern: RegExp; readonly ops: readonly Op[]; readonly word: string }[] = [
  { pattern: /^(add|adding|sum up)\b|\bis the sum\b|\bplus\s+(the|\d)/i, ops: ['+'], word: 'adding' },
  { pattern: /^(subtract|subtracting|remove|removing|take away|deduct|deducting)\b|\bminus\b|\bleft after\b/i, ops: ['-'], word: 'subtracting' },
  { pattern: /^(multiply|multiplying|double|triple)\b|\bmultiplied by\b/i, ops: ['*'], word: 'multiplying' },
  { pattern: /^(divide|dividing|split|splitting|share|sharing|halve|half)\b|\bdivided by\b|\bequally\b/i, ops: ['/'], word: 'dividing' },
];

/** The sentence that introduces the calculation: the last one of the reasoning, without "First," etc. */
function leadIn(reasoning: string): string {
  const sentences = reasoning.split(/(?<=[.!?])\s+/).filter((x) => x.trim().length > 0);
  return (sentences[sentences.length - 1] ?? '').trim().replace(/^((first|next|then|now|so|finally|and|lastly)\b[,\s]*)+/i, '');
}

/** Multiplying by 0.5 is halving, and subtracting a negative is adding: count them as such. */
function effectiveOps(shape: Shape): Set<Op> {
  const ops = operatorsOf(shape);
  const walk = (s: Shape) => {
    if (s.kind === 'number') return;
    if (s.op === '*' && [s.left, s.right].some((x) => x.kind === 'number' && (x.value === 0.5 || x.value < 1))) ops.add('/');
    if (s.op === '/' && s.right.kind === 'number' && s.right.value < 1) ops.add('*');
    walk(s.left);
    walk(s.right);
  };
  walk(shape);
  return ops;
}

/**
 * When the sentence leading to the calculation names the operation ("Add the gift", "Share the
 * rest equally"), the expression must perform it. Silent when it names none; when it names
 * several, performing any of them is enough.
 */
export const operationMatchesReasoning: Rule = {
  id: 'operation-matches-reasoning',
  description: 'A calculation performs the operation its stated reasoning names (adding, subtracting, multiplying, dividing).',
  appliesTo: (ctx) => ctx.action.kind === 'calculate' && ctx.action.reasoning.length > 0,
  check(ctx) {
    if (ctx.action.kind !== 'calculate') return PASS;
    const shape = expressionShape(ctx.action.expression);
    if (shape === undefined) return PASS;
    const sentence = leadIn(ctx.action.reasoning);
    const named = CUES.filter((c) => c.pattern.test(sentence));
    if (named.length === 0) return PASS;
    const ops = effectiveOps(shape);
    if (named.some((c) => c.ops.some((op) => ops.has(op)))) return PASS;
    return fail(`the reasoning speaks of ${named.map((c) => c.word).join(' or ')} but "${ctx.action.expression}" does not`);
  },
};
