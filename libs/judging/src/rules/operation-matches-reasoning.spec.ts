import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, teacherSteps } from '../testing/teacher-steps.test-support';
import { operationMatchesReasoning } from './operation-matches-reasoning';

describe('operation-matches-reasoning', () => {
  it('rejects a swapped operation when the reasoning names the right one ("Add the gift" with a division)', () => {
    const swapped = teacherSteps({ template: 'savings-half', questions: 200 }).filter(
      (s) => s.label.mistake === 'wrong-operation' && actionOf(s).startsWith('Add the gift.') && !/\+/.test(actionOf(s)),
    );
    expect(swapped.length).toBeGreaterThan(0);
    for (const s of swapped) {
      const finding = checkRule(operationMatchesReasoning, s.step);
      expect(finding.ok).toBe(false);
      expect(!finding.ok && finding.why).toMatch(/^the reasoning speaks of adding but ".+" does not$/);
    }
  });

  it('accepts the operation the reasoning names', () => {
    const right = teacherStep({ template: 'savings-half' }, (s) => s.label.good && actionOf(s).startsWith('Add the gift.'));
    expect(checkRule(operationMatchesReasoning, right.step)).toMatchObject({ ok: true, applies: true });
    const share = teacherStep({ template: 'garden-share' }, (s) => s.label.good && actionOf(s).startsWith('Share the rest equally.'));
    expect(checkRule(operationMatchesReasoning, share.step).ok).toBe(true);
  });

  it('stays silent when the reasoning names no operation, and reads only the sentence leading to the calculation', () => {
    const plain = teacherStep({ template: 'shopping-change' }, (s) => s.label.good && actionOf(s).startsWith('First, the cost'));
    expect(checkRule(operationMatchesReasoning, plain.step).ok).toBe(true);
    const story = { prefix: [{ role: 'user' as const, content: 'Question: Arnel shared 5 boxes of 8 pencils. How many pencils?' }], family: 'math' as const };
    expect(checkRule(operationMatchesReasoning, { ...story, action: 'He shared the boxes with friends. Each box holds 8, so in all <math_exp>5*8</math_exp>' }).ok).toBe(true);
  });
});
