import { deterministicCalculate as calculate } from '../tools/deterministic-calculator';
import { SeededRandom } from '../random/seeded-random';
import type { CalculationStep } from '../world/world-question';
import { wrongExpression } from './wrong-operation';

const step: CalculationStep = { reasoning: '', operator: '*', left: { value: '2' }, right: { step: 0 }, result: '' };

describe('wrongExpression', () => {
  it('uses a forced operator when it changes the result', () => {
    expect(wrongExpression(step, ['5'], new SeededRandom(1), '+')).toBe('2 + 5');
  });

  it('always gives a different result than the right expression', () => {
    const random = new SeededRandom(2);
    for (let i = 0; i < 200; i++) {
      const wrong = calculate(wrongExpression(step, ['2'], random));
      expect(wrong.ok && wrong.text).not.toBe('4');
    }
    // 2 * 2 = 2 + 2: the forced operator would not be a mistake, so another variant is used.
    expect(calculate(wrongExpression(step, ['2'], random, '+'))).not.toMatchObject({ text: '4' });
  });
});
