import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, withAction } from '../testing/teacher-steps.test-support';
import { expressionEvaluates } from './expression-evaluates';

describe('expression-evaluates', () => {
  const calc = teacherStep({ template: 'shopping-change' }, (s) => s.label.good && parseAction(actionOf(s)).kind === 'calculate');
  const reasoning = parseAction(actionOf(calc)).reasoning;

  it('accepts the teacher’s calculations', () => {
    expect(checkRule(expressionEvaluates, calc.step)).toMatchObject({ ok: true, applies: true });
  });

  it.each([
    ['an unfinished expression', '3 * (12 +', 'expected'],
    ['implicit multiplication', '3(12)', ''],
    ['a division by zero', '36 / 0', 'division by zero'],
    ['words instead of numbers', 'notebooks * price', 'unknown'],
  ])('rejects %s with the calculator’s own message', (_, expression, message) => {
    const finding = checkRule(expressionEvaluates, withAction(calc, `${reasoning} <math_exp>${expression}</math_exp>`));
    expect(finding.ok).toBe(false);
    expect(!finding.ok && finding.why).toMatch(new RegExp(`^the calculator rejects ".+": .*${message}`, 'i'));
  });
});
