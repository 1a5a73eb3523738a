import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { hotpotConversation } from '../testing/hotpot-conversation.test-support';
import { describeWithData, HOTPOT_DISTRACTOR } from '../testing/shared-data.test-support';
import { actionOf, teacherSteps, withAction } from '../testing/teacher-steps.test-support';
import { answerGroundedInResults } from './answer-grounded-in-results';

const isAnswer = (text: string) => parseAction(text).kind === 'answer';

describe('answer-grounded-in-results', () => {
  const steps = teacherSteps({ template: 'birth-country', questions: 100 });

  it('accepts the teacher’s answers, found in the results of the bridge search', () => {
    const good = steps.filter((s) => s.label.good && isAnswer(actionOf(s)));
    expect(good.length).toBeGreaterThan(50);
    for (const s of good) expect(checkRule(answerGroundedInResults, s.step)).toMatchObject({ ok: true, applies: true });
  });

  it('rejects unsupported and premature guesses that no result about the question contains', () => {
    const guesses = steps.filter((s) => s.label.mistake === 'unsupported-answer' || s.label.mistake === 'premature-answer');
    expect(guesses.length).toBeGreaterThan(10);
    const rejected = guesses.filter((s) => !checkRule(answerGroundedInResults, s.step).ok);
    expect(rejected.length / guesses.length).toBeGreaterThan(0.9);
    const finding = checkRule(answerGroundedInResults, rejected[0]!.step);
    expect(!finding.ok && finding.why).toMatch(/^".+" appears in no search result about the question$/);
  });

  it('rejects an answer before any search', () => {
    const first = steps.find((s) => s.index === 0)!;
    const finding = checkRule(answerGroundedInResults, withAction(first, '<answer>Fastoth</answer>'));
    expect(!finding.ok && finding.why).toContain('before any search');
  });
});

describeWithData([HOTPOT_DISTRACTOR], 'answer-grounded-in-results on HotPotQA', () => {
  it('accepts a bridge answer read from the second article, and rejects another question’s answer', () => {
    const { step, example } = hotpotConversation('What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?', 3);
    expect(checkRule(answerGroundedInResults, { ...step, action: `<answer>${example.answer}</answer>` }).ok).toBe(true);
    expect(checkRule(answerGroundedInResults, { ...step, action: '<answer>Secretary of State</answer>' }).ok).toBe(false);
  });

  it('accepts yes/no only for a yes/no question', () => {
    const yesNo = hotpotConversation('Were Scott Derrickson and Ed Wood of the same nationality?', 2).step;
    expect(checkRule(answerGroundedInResults, { ...yesNo, action: '<answer>yes</answer>' }).ok).toBe(true);
    const bridge = hotpotConversation('What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?', 3).step;
    expect(checkRule(answerGroundedInResults, { ...bridge, action: '<answer>yes</answer>' }).ok).toBe(false);
  });
});
