import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, teacherSteps, withAction } from '../testing/teacher-steps.test-support';
import { calculationNotRepeated } from './calculation-not-repeated';

const isCalc = (text: string) => parseAction(text).kind === 'calculate';

describe('calculation-not-repeated', () => {
  const later = teacherStep({ template: 'event-profit' }, (s) => s.index === 2 && s.trajectory.steps.slice(0, 3).every((t) => t.label.good) && isCalc(actionOf(s)));

  it('accepts a calculation not made before', () => {
    expect(checkRule(calculationNotRepeated, later.step)).toMatchObject({ ok: true, applies: true });
  });

  it('rejects computing an earlier expression again (spacing aside)', () => {
    const first = later.step.prefix.find((t) => t.role === 'assistant')!.content;
    const again = first.replace(/<math_exp>(.*)<\/math_exp>/, (_, e: string) => `<math_exp>${e.replace(/\s+/g, '')}</math_exp>`);
    const finding = checkRule(calculationNotRepeated, withAction(later, again));
    expect(finding.ok).toBe(false);
    expect(!finding.ok && finding.why).toMatch(/was already computed in step 1$/);
  });

  it('accepts the same expression when the question gives the same numbers for two parts', () => {
    const twin = teacherSteps({ template: 'travel-distance', questions: 2000, seeds: [0], mistakes: {} }).find((s) => {
      const calcs = [...s.step.prefix.filter((t) => t.role === 'assistant').map((t) => t.content), actionOf(s)].filter(isCalc);
      return s.label.good && calcs.length === 2 && calcs[0]!.split('<math_exp>')[1] === calcs[1]!.split('<math_exp>')[1];
    });
    expect(twin).toBeDefined();
    expect(checkRule(calculationNotRepeated, twin!.step).ok).toBe(true);
  });

  it('accepts computing again what the model took back ("let me redo it"), once it is needed', () => {
    const after = teacherSteps({ template: 'shopping-change', questions: 200 }).find(
      (s) => s.index >= 2 && s.trajectory.steps[s.index - 1]!.action.startsWith('That does not look right') && isCalc(actionOf(s)),
    );
    expect(after).toBeDefined();
    const retracted = after!.step.prefix[after!.step.prefix.length - 4]!.content;
    const expression = /<math_exp>(.*)<\/math_exp>/.exec(retracted)![1]!;
    expect(checkRule(calculationNotRepeated, withAction(after!, `Next. <math_exp>${expression}</math_exp>`)).ok).toBe(true);
    // Right after it was taken back, the same expression is still a repeat.
    const redo = { ...after!.step, prefix: after!.step.prefix.slice(0, -2) };
    expect(checkRule(calculationNotRepeated, { ...redo, action: `Again. <math_exp>${expression}</math_exp>` }).ok).toBe(false);
  });
});
