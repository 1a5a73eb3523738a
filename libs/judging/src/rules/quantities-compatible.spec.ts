import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, teacherSteps } from '../testing/teacher-steps.test-support';
import { quantitiesCompatible } from './quantities-compatible';

describe('quantities-compatible', () => {
  it('rejects the teacher’s systematic mistake: the hourly wage plus the hours worked', () => {
    const systematic = teacherSteps({ template: 'work-savings' }).filter((s) => s.label.systematic === true);
    expect(systematic.length).toBeGreaterThan(10);
    const caught = systematic.filter((s) => !checkRule(quantitiesCompatible, s.step).ok);
    // Only where a number stands for two quantities ("8 hours", "8 days") is the reading open.
    expect(caught.length / systematic.length).toBeGreaterThan(0.8);
    const finding = checkRule(quantitiesCompatible, caught[0]!.step);
    expect(!finding.ok && finding.why).toMatch(/is not a meaningful quantity: it adds money per hour and hour per day/);
  });

  it('accepts the right operation on the same numbers', () => {
    const right = teacherStep({ template: 'work-savings' }, (s) => s.label.good && s.index === 0 && / \* /.test(actionOf(s)));
    expect(checkRule(quantitiesCompatible, right.step)).toMatchObject({ ok: true, applies: true });
  });

  it('rejects money times money, and a distance rate divided into hours', () => {
    const total = teacherStep({ template: 'shopping-change' }, (s) => s.label.good && actionOf(s).startsWith('Now the total cost.'));
    const [a, b] = /<math_exp>(\d+) \+ (\d+)<\/math_exp>/.exec(actionOf(total))!.slice(1);
    const times = checkRule(quantitiesCompatible, { ...total.step, action: `Now the total cost. <math_exp>${a} * ${b}</math_exp>` });
    expect(!times.ok && times.why).toMatch(/multiplies two amounts of money/);
    const travel = teacherStep({ template: 'travel-distance' }, (s) => s.label.good && s.index === 0);
    const [hours, speed] = /drives for (\d+) hours at (\d+) km per hour/.exec(travel.question.question)!.slice(1);
    expect(checkRule(quantitiesCompatible, { ...travel.step, action: `<math_exp>${hours} + ${speed}</math_exp>` }).ok).toBe(false);
    expect(checkRule(quantitiesCompatible, travel.step).ok).toBe(true);
  });

  it('follows kinds through earlier results: money per day times days is money, minus rent is fine', () => {
    const last = teacherStep({ template: 'work-savings' }, (s) => s.label.good && actionOf(s).startsWith('What is left') && s.trajectory.correct);
    expect(checkRule(quantitiesCompatible, last.step).ok).toBe(true);
  });
});
