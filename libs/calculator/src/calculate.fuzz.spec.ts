import fc from 'fast-check';
import { createCalculator } from './calculate';
import type { CalculationResult } from './calculation-result';
import { CALCULATOR_ERROR_CODES } from './calculator-error';
import { evaluateReference, render, treeArbitrary } from './testing/expression-tree.test-support';

const RUNS = 5000;

// Generous length/time limits: the trees are large by design and timing is not under test here.
const calculator = createCalculator({
  limits: { maxInputLength: 50_000, maxTokens: 10_000, timeBudgetMs: 60_000 },
});

/** Every result must be well formed, whatever the input. */
function assertWellFormed(result: CalculationResult): void {
  if (result.ok) {
    expect(typeof result.value).toBe('number');
    expect(result.text).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
    expect(result.text).not.toBe('-0');
    if (result.fraction !== undefined) expect(result.fraction).toMatch(/^-?\d+\/\d+$/);
  } else {
    expect(CALCULATOR_ERROR_CODES).toContain(result.error.code);
    expect(result.error.code).not.toBe('INTERNAL');
    expect(result.error.message.length).toBeGreaterThan(0);
  }
}

describe('property: random expression trees match an independent exact evaluation', () => {
  it(`agrees on ${RUNS} seeded random trees`, () => {
    fc.assert(
      fc.property(treeArbitrary(6), space(), space(), fc.context(), (tree, before, after, context) => {
        const expression = `${before}${render(tree)}${after}`;
        context.log(`expression: ${JSON.stringify(expression)}`);
        const result = calculator(expression);
        assertWellFormed(result);
        const expected = evaluateReference(tree, 4096);
        switch (expected.kind) {
          case 'division-by-zero':
            expect(result).toMatchObject({ ok: false, error: { code: 'DIVISION_BY_ZERO' } });
            return;
          case 'too-big':
            // Refused, or (for powers whose exact digits are too long) approximated.
            if (result.ok) expect(result.exact).toBe(false);
            else expect(result.error.code).toBe('LIMIT_EXCEEDED');
            return;
          case 'value': {
            const { n, d } = expected.value;
            if (!result.ok) throw new Error(`${expression} failed: ${result.error.message}`);
            expect(result.exact).toBe(true);
            if (d === 1n) {
              expect(result.text).toBe(n.toString());
              expect(result.fraction).toBeUndefined();
            } else {
              expect(result.fraction).toBe(`${n}/${d}`);
              expectTextClose(result.text, n, d);
            }
          }
        }
      }),
      { numRuns: RUNS, seed: 20_240_611 },
    );
  });
});

describe('fuzz: random strings never throw', () => {
  const fragments = [
    ...'0123456789',
    ...'.+-*/^%(),  eE×÷−',
    '**', 'sqrt', 'round', 'min', 'max', 'pow', 'abs', 'floor', 'ceil', 'pi', 'PI', 'x',
    'constructor', '__proto__', 'toString', '9^9^9', '1e308', '1e-308', '0', '$', '=', '.5',
  ];

  it(`returns ok or a coded error for ${RUNS} seeded strings of the calculator alphabet`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        assertWellFormed(calculator(parts.join('')));
      }),
      { numRuns: RUNS, seed: 7_310_042 },
    );
  });

  it(`returns ok or a coded error for ${RUNS} seeded arbitrary unicode strings`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
        assertWellFormed(calculator(input));
      }),
      { numRuns: RUNS, seed: 99_001 },
    );
  });
});

function space(): fc.Arbitrary<string> {
  return fc.constantFrom('', ' ', '\n ');
}

/** The rounded text must agree with n/d to about 10 significant digits (when doubles can tell). */
function expectTextClose(text: string, n: bigint, d: bigint): void {
  const limit = 2n ** 53n;
  if (n >= limit || -n >= limit || d >= limit) return;
  const exact = Number(n) / Number(d);
  expect(Math.abs(Number(text) - exact)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(exact), 1e-300));
}
