import { deterministicCalculate as calculate } from '../tools/deterministic-calculator';
import { SPLITS } from '../knowledge/entities';
import { everyNth, sharedWorld } from '../testing/shared-world.test-support';
import { MATH_TEMPLATES } from './math-templates';

describe('math questions', () => {
  const { world } = sharedWorld();
  const sample = SPLITS.flatMap((split) => everyNth(world.questions(split, 'math'), split === 'train' ? 4 : 1));

  it('need 2-6 calculator calls whose results, run by the real calculator, lead to the gold answer', () => {
    for (const question of sample) {
      const calls = question.plan.filter((a) => a.kind === 'calculate');
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.length).toBeLessThanOrEqual(6);
      const results = calls.map((a) => {
        const result = calculate(a.kind === 'calculate' ? a.expression : '');
        if (!result.ok) throw new Error(`${question.id}: ${result.error.message}`);
        return result.text;
      });
      expect(results).toEqual(question.calculations.map((c) => c.result));
      expect(results[results.length - 1]).toBe(question.answer);
      expect(question.plan[question.plan.length - 1]).toMatchObject({ kind: 'answer', answer: question.answer });
    }
  });

  it('keep every intermediate result a reasonable whole number', () => {
    for (const question of sample) {
      for (const step of question.calculations) {
        expect(step.result).toMatch(/^[1-9][0-9]*$/);
        expect(Number(step.result)).toBeLessThan(1_000_000);
      }
    }
  });

  it('mention their story numbers in the question text', () => {
    for (const question of sample) {
      for (const step of question.calculations) {
        for (const operand of [step.left, step.right]) if ('value' in operand && operand.value !== '2' && operand.value !== '100') expect(question.question).toContain(operand.value);
      }
    }
  });

  it('use every story template and offer wrong distractors', () => {
    const used = new Set(sample.map((q) => q.template));
    for (const template of MATH_TEMPLATES) expect(used).toContain(template.id);
    for (const question of sample) expect(question.distractors).not.toContain(question.answer);
  });
});
