import { checkRule } from '../testing/check-rule.test-support';
import { hotpotConversation } from '../testing/hotpot-conversation.test-support';
import { describeWithData, HOTPOT_DISTRACTOR } from '../testing/shared-data.test-support';
import { actionOf, teacherSteps } from '../testing/teacher-steps.test-support';
import { optionsLookedUp } from './options-looked-up';

describe('options-looked-up', () => {
  const steps = teacherSteps({ template: 'larger-city', questions: 60 });

  it('rejects the teacher’s systematic guess after looking up only the first city', () => {
    const systematic = steps.filter((s) => s.label.systematic === true);
    expect(systematic.length).toBeGreaterThan(20);
    for (const s of systematic) {
      const finding = checkRule(optionsLookedUp, s.step);
      expect(finding.ok).toBe(false);
      expect(!finding.ok && finding.why).toMatch(/^the question compares .+ and .+, but .+ was never looked up$/);
    }
  });

  it('accepts the answer once both cities were looked up', () => {
    const good = steps.filter((s) => s.label.good && actionOf(s).includes('<answer>'));
    expect(good.length).toBeGreaterThan(5);
    for (const s of good) expect(checkRule(optionsLookedUp, s.step).ok).toBe(true);
  });
});

describeWithData([HOTPOT_DISTRACTOR], 'options-looked-up on HotPotQA', () => {
  it('needs both writers of an "A or B" question looked up', () => {
    const question = 'Which writer was from England, Henry Roth or Robert Erskine Childers?';
    const early = checkRule(optionsLookedUp, { ...hotpotConversation(question, 1).step, action: '<answer>Henry Roth</answer>' });
    expect(!early.ok && early.why).toBe('the question compares Henry Roth and Robert Erskine Childers, but Robert Erskine Childers was never looked up');
    expect(checkRule(optionsLookedUp, { ...hotpotConversation(question, 2).step, action: '<answer>Robert Erskine Childers</answer>' }).ok).toBe(true);
  });

  it('needs the people of a yes/no comparison to have come up in the searches', () => {
    const { step } = hotpotConversation('Were Scott Derrickson and Ed Wood of the same nationality?', 2);
    expect(checkRule(optionsLookedUp, { ...step, action: '<answer>yes</answer>' }).ok).toBe(true);
    expect(checkRule(optionsLookedUp, { ...step, prefix: step.prefix.slice(0, 2), action: '<answer>yes</answer>' }).ok).toBe(false);
  });
});
