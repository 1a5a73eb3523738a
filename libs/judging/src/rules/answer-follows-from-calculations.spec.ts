import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherSteps, withAction } from '../testing/teacher-steps.test-support';
import { answerFollowsFromCalculations } from './answer-follows-from-calculations';

const isAnswer = (text: string) => parseAction(text).kind === 'answer';

describe('answer-follows-from-calculations', () => {
  const steps = teacherSteps({ template: 'shopping-change', questions: 100 });

  it('accepts the teacher’s answers that follow from the calculations, including after an uncorrected mistake', () => {
    const good = steps.filter((s) => s.label.good && isAnswer(actionOf(s)));
    const accepted = good.filter((s) => checkRule(answerFollowsFromCalculations, s.step).ok);
    // The exceptions: a misread number that happens to be in the question too ("2 * 2" for
    // "3 pens at $4" when the question also says 2) hides the misreading, and the question's
    // own 3 and 4 then look unused.
    expect(accepted.length / good.length).toBeGreaterThan(0.97);
    expect(accepted.some((s) => !s.trajectory.correct)).toBe(true);
  });

  it('rejects unsupported answers (not what the calculator gave)', () => {
    const unsupported = steps.filter((s) => s.label.mistake === 'unsupported-answer');
    expect(unsupported.length).toBeGreaterThan(3);
    for (const s of unsupported) {
      const finding = checkRule(answerFollowsFromCalculations, s.step);
      expect({ action: actionOf(s), ok: finding.ok }).toEqual({ action: actionOf(s), ok: false });
    }
  });

  it('rejects premature answers: before any calculation, or before the question’s numbers were used', () => {
    const premature = steps.filter((s) => s.label.mistake === 'premature-answer');
    expect(premature.length).toBeGreaterThan(3);
    const whys = premature.map((s) => checkRule(answerFollowsFromCalculations, s.step)).map((f) => (f.ok ? 'ok' : f.why));
    expect(whys.filter((w) => w === 'ok').length).toBeLessThanOrEqual(1);
    expect(whys.join('\n')).toMatch(/comes before (any successful calculation|.+ from the question (was|were) used)/);
  });

  it('rejects an answer that is not a number, and accepts format variants of the latest result', () => {
    const good = steps.find((s) => s.label.good && isAnswer(actionOf(s)) && s.trajectory.correct)!;
    const value = (parseAction(actionOf(good)) as { answer: string }).answer;
    expect(checkRule(answerFollowsFromCalculations, withAction(good, '<answer>the change</answer>')).ok).toBe(false);
    expect(checkRule(answerFollowsFromCalculations, withAction(good, `So it is $${value}.00 <answer>$${value}.00</answer>`)).ok).toBe(true);
  });
});
