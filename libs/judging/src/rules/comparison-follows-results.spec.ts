import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherSteps } from '../testing/teacher-steps.test-support';
import { comparisonFollowsResults } from './comparison-follows-results';

describe('comparison-follows-results', () => {
  it.each([['older-company'], ['older-person'], ['larger-city']])('rejects the loser of a %s comparison and accepts the winner', (template) => {
    const steps = teacherSteps({ template, questions: 150 });
    const wrong = steps.filter((s) => s.label.mistake === 'unsupported-answer');
    const right = steps.filter((s) => s.label.good && actionOf(s).includes('<answer>'));
    expect(wrong.length).toBeGreaterThan(0);
    for (const s of wrong) {
      const finding = checkRule(comparisonFollowsResults, s.step);
      expect({ action: actionOf(s), ok: finding.ok }).toEqual({ action: actionOf(s), ok: false });
      expect(!finding.ok && finding.why).toMatch(/^the results give .+ \d+ and .+ \d+, so the answer is .+, not .+$/);
    }
    for (const s of right) expect(checkRule(comparisonFollowsResults, s.step).ok).toBe(true);
  });

  it('stays silent when the results do not state both values (the founder question compares people, not companies)', () => {
    const founders = teacherSteps({ split: 'dev', template: 'older-founder', questions: 30 }).filter((s) => s.label.good && actionOf(s).includes('<answer>'));
    expect(founders.length).toBeGreaterThan(5);
    for (const s of founders) expect(checkRule(comparisonFollowsResults, s.step).ok).toBe(true);
  });
});
