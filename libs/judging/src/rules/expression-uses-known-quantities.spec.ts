import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, teacherSteps, withAction } from '../testing/teacher-steps.test-support';
import { expressionUsesKnownQuantities } from './expression-uses-known-quantities';

describe('expression-uses-known-quantities', () => {
  it('rejects the teacher’s misread numbers (a story number off by a little), naming them', () => {
    const nudged = teacherSteps({ template: 'travel-distance' }).filter((s) => s.label.mistake === 'wrong-operation' && /\d+ \* \d+/.test(actionOf(s)));
    const caught = nudged.filter((s) => !checkRule(expressionUsesKnownQuantities, s.step).ok);
    expect(caught.length).toBeGreaterThan(3);
    const finding = checkRule(expressionUsesKnownQuantities, caught[0]!.step);
    expect(!finding.ok && finding.why).toMatch(/^".+" appears? in none of the question, the earlier results and the reasoning$/);
  });

  it('accepts numbers from the question and from earlier results (even long decimals)', () => {
    const usesResult = teacherStep({ template: 'garden-share' }, (s) => s.label.good && s.index === 2 && parseAction(actionOf(s)).kind === 'calculate');
    expect(checkRule(expressionUsesKnownQuantities, usesResult.step)).toMatchObject({ ok: true, applies: true });
    const decimals = teacherStep({ template: 'savings-half', questions: 200 }, (s) => s.label.good && /\d\.\d{5,} \/ 2/.test(actionOf(s)));
    expect(checkRule(expressionUsesKnownQuantities, decimals.step).ok).toBe(true);
  });

  it('accepts numbers the question writes in words, and unit conversions between the units it mentions', () => {
    const half = teacherStep({ template: 'savings-half' }, (s) => s.label.good && /\/ 2</.test(actionOf(s)));
    expect(half.question.question).toContain('half');
    expect(checkRule(expressionUsesKnownQuantities, half.step).ok).toBe(true);
    const step = { prefix: [{ role: 'user' as const, content: 'Question: Joy reads 8 pages in 20 minutes. How many hours does she need for 120 pages?' }], family: 'math' as const };
    expect(checkRule(expressionUsesKnownQuantities, { ...step, action: 'Minutes per hour. <math_exp>60 / 20</math_exp>' }).ok).toBe(true);
    expect(checkRule(expressionUsesKnownQuantities, { ...step, action: '<math_exp>120 / 7</math_exp>' }).ok).toBe(false);
  });

  it('accepts a number the model worked out in its own reasoning', () => {
    const calc = teacherStep({ template: 'shopping-change' }, (s) => s.label.good && s.index === 0);
    const q = calc.question.question.match(/\d+/g)!.map(Number);
    const worked = `${q[0]} notebooks at $${q[1]} is ${q[0]} * ${q[1]} = ${q[0]! * q[1]!}. <math_exp>${q[0]! * q[1]!} + 1</math_exp>`;
    expect(checkRule(expressionUsesKnownQuantities, withAction(calc, worked)).ok).toBe(true);
  });
});
