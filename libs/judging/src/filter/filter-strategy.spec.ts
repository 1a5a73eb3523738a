import { teacherSteps } from '../testing/teacher-steps.test-support';
import { judgeStepByRules } from '../rules/rules-judge';
import { decideTrajectory } from './filter-strategy';
import { stepStates } from './step-states';

const good = { label: 'good' as const, rationale: 'fine' };
const bad = { label: 'bad' as const, rationale: 'BAD [query-not-repeated] repeats step 1' };
const abstain = { label: 'abstain' as const, rationale: 'no vote could be read' };

describe('decideTrajectory', () => {
  it('none keeps everything, even incomplete trajectories', () => {
    expect(decideTrajectory('none', { incomplete: true, steps: [bad] })).toEqual({ kept: true, reasons: [], badStepIndices: [], detail: '' });
  });

  it('process keeps a trajectory only if every step is GOOD; an abstention is not GOOD', () => {
    expect(decideTrajectory('process', { incomplete: false, steps: [good, good] }).kept).toBe(true);
    expect(decideTrajectory('process', { incomplete: false, steps: [good, bad, abstain] })).toEqual({
      kept: false,
      reasons: ['step-bad', 'step-abstain'],
      badStepIndices: [1, 2],
      detail: 'step 1 is BAD: BAD [query-not-repeated] repeats step 1',
    });
  });

  it('outcome keeps YES, rejects NO and a missing final answer; process+outcome needs both', () => {
    expect(decideTrajectory('outcome', { incomplete: false, outcome: { label: 'yes', rationale: '' } }).kept).toBe(true);
    expect(decideTrajectory('outcome', { incomplete: false, outcome: { label: 'no', rationale: 'numeric: 19 != 18' } })).toMatchObject({ kept: false, reasons: ['outcome-wrong'] });
    expect(decideTrajectory('outcome', { incomplete: false, outcome: 'no-final-answer' }).reasons).toEqual(['no-final-answer']);
    expect(decideTrajectory('process+outcome', { incomplete: false, steps: [good], outcome: { label: 'no', rationale: 'x' } }).reasons).toEqual(['outcome-wrong']);
    expect(decideTrajectory('process+outcome', { incomplete: true, steps: [bad], outcome: { label: 'yes', rationale: '' } }).reasons).toEqual(['incomplete', 'step-bad']);
  });

  it('process filtering of teacher trajectories keeps exactly those whose every step the rules call GOOD', () => {
    const steps = teacherSteps({ template: 'older-person', questions: 20 });
    const byTrajectory = new Map<object, typeof steps>();
    for (const s of steps) byTrajectory.set(s.trajectory, [...(byTrajectory.get(s.trajectory) ?? []), s]);
    let kept = 0;
    for (const list of byTrajectory.values()) {
      const verdicts = list.map((s) => judgeStepByRules(s.step)).map((v) => ({ label: v.label, rationale: v.rationale }));
      const decision = decideTrajectory('process', { incomplete: false, steps: verdicts });
      expect(decision.kept).toBe(verdicts.every((v) => v.label === 'good'));
      if (decision.kept) kept++;
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(byTrajectory.size);
  });
});

describe('stepStates', () => {
  it('builds each state from the prompt and the earlier actions and observations', () => {
    const prompt = [{ role: 'system' as const, content: 'S' }, { role: 'user' as const, content: 'Q' }];
    const states = stepStates(prompt, [
      { actionText: 'a1', observation: 'o1' },
      { actionText: 'a2', observation: '' },
      { actionText: 'a3', observation: '' },
    ]);
    expect(states.map((s) => s.map((t) => t.content))).toEqual([['S', 'Q'], ['S', 'Q', 'a1', 'o1'], ['S', 'Q', 'a1', 'o1', 'a2']]);
  });
});
