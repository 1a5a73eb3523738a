import fc from 'fast-check';
import {
  ReferenceDivisionByZero,
  fraction,
  minus,
  over,
  plus,
  raise,
  sizeInBits,
  times,
  type Fraction,
} from './reference-fraction.test-support';

/** Random arithmetic expression trees, their rendering to text, and a reference evaluator. */
export type Tree =
  | {
      readonly kind: 'number';
      readonly whole: bigint;
      readonly decimals: string;
      readonly negative: boolean;
      readonly style: number;
    }
  | { readonly kind: 'negate'; readonly operand: Tree; readonly unicode: boolean }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: Tree;
      readonly right: Tree;
      readonly unicode: boolean;
      readonly space: string;
    }
  | {
      readonly kind: 'power';
      readonly base: Tree;
      readonly exponent: number;
      readonly starStar: boolean;
      readonly space: string;
      readonly style: number;
    };

const space = fc.constantFrom('', ' ', '  ', '\t');

const numberLeaf: fc.Arbitrary<Tree> = fc.record({
  kind: fc.constant('number' as const),
  whole: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 12n }), fc.bigInt({ min: 0n, max: 10n ** 7n })),
  decimals: fc.oneof(fc.constant(''), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 4 })),
  negative: fc.boolean(),
  style: fc.nat(3),
});

/** Trees up to `maxDepth` levels; each level is memoised so building the arbitrary stays cheap. */
export function treeArbitrary(maxDepth: number): fc.Arbitrary<Tree> {
  const levels: fc.Arbitrary<Tree>[] = [numberLeaf];
  for (let depth = 1; depth <= maxDepth; depth += 1) {
    const sub = levels[depth - 1] as fc.Arbitrary<Tree>;
    levels.push(
      fc.oneof(
        { arbitrary: numberLeaf, weight: 2 },
        {
          arbitrary: fc.record({
            kind: fc.constant('binary' as const),
            op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
            left: sub,
            right: sub,
            unicode: fc.boolean(),
            space,
          }),
          weight: 5,
        },
        { arbitrary: fc.record({ kind: fc.constant('negate' as const), operand: sub, unicode: fc.boolean() }), weight: 1 },
        {
          arbitrary: fc.record({
            kind: fc.constant('power' as const),
            base: sub,
            exponent: fc.integer({ min: -3, max: 3 }),
            starStar: fc.boolean(),
            space,
            style: fc.nat(2),
          }),
          weight: 1,
        },
      ),
    );
  }
  return levels[maxDepth] as fc.Arbitrary<Tree>;
}

const UNICODE_OPERATORS = { '+': '+', '-': '\u2212', '*': '\u00d7', '/': '\u00f7' } as const;

/** Renders a tree so that the library's grammar must reproduce exactly this tree. */
export function render(tree: Tree): string {
  switch (tree.kind) {
    case 'number': {
      const text = renderNumberText(tree);
      return tree.negative ? `(${tree.style % 2 === 0 ? '-' : '\u2212'}${text})` : text;
    }
    case 'negate': {
      const inner = render(tree.operand);
      // A rendered power `(b)^k` also starts with '(' and is left unwrapped on purpose: `-(b)^k`
      // must parse as -((b)^k), which is exactly this tree (sign binds looser than ^).
      const wrapped = inner.startsWith('(') ? inner : `(${inner})`;
      return `${tree.unicode ? '\u2212' : '-'}${wrapped}`;
    }
    case 'binary': {
      const op = tree.unicode ? UNICODE_OPERATORS[tree.op] : tree.op;
      return `(${render(tree.left)}${tree.space}${op}${tree.space}${render(tree.right)})`;
    }
    case 'power': {
      const magnitude = Math.abs(tree.exponent);
      const exponent =
        tree.exponent >= 0 ? `${magnitude}` : tree.style === 0 ? `-${magnitude}` : tree.style === 1 ? `(-${magnitude})` : `\u2212${magnitude}`;
      return `(${render(tree.base)})${tree.space}${tree.starStar ? '**' : '^'}${tree.space}${exponent}`;
    }
  }
}

function renderNumberText(tree: Extract<Tree, { kind: 'number' }>): string {
  if (tree.decimals === '') return tree.style === 3 ? `${tree.whole}.` : `${tree.whole}`;
  if (tree.whole === 0n && tree.style === 3) return `.${tree.decimals}`;
  return `${tree.whole}.${tree.decimals}`;
}

export type ReferenceOutcome =
  | { readonly kind: 'value'; readonly value: Fraction }
  | { readonly kind: 'division-by-zero' }
  /** Some intermediate value is bigger than `bitLimit`: the library must refuse or approximate. */
  | { readonly kind: 'too-big' };

/** Evaluates left to right, exactly, like the library is specified to. */
export function evaluateReference(tree: Tree, bitLimit: number): ReferenceOutcome {
  class TooBig extends Error {}
  const guard = (value: Fraction) => {
    if (sizeInBits(value) > bitLimit) throw new TooBig();
    return value;
  };
  const walk = (node: Tree): Fraction => {
    switch (node.kind) {
      case 'number': {
        const scale = 10n ** BigInt(node.decimals.length);
        const magnitude = fraction(node.whole * scale + BigInt(node.decimals || '0'), scale);
        return guard(node.negative ? minus(fraction(0n), magnitude) : magnitude);
      }
      case 'negate':
        return guard(minus(fraction(0n), walk(node.operand)));
      case 'binary': {
        const left = walk(node.left);
        const right = walk(node.right);
        const combine = { '+': plus, '-': minus, '*': times, '/': over }[node.op];
        return guard(combine(left, right));
      }
      case 'power':
        return guard(raise(walk(node.base), node.exponent));
    }
  };
  try {
    return { kind: 'value', value: walk(tree) };
  } catch (error) {
    if (error instanceof ReferenceDivisionByZero) return { kind: 'division-by-zero' };
    if (error instanceof TooBig) return { kind: 'too-big' };
    throw error;
  }
}
