import { parseAction } from '@swirl/actions';
import { DEFAULT_MISTAKES } from '@swirl/world';
import { actionOf, teacherSteps } from '../testing/teacher-steps.test-support';
import { judgeStepByRules, RULES, RULES_VERSION } from './rules-judge';

describe('the rules judge', () => {
  it('has a version and named, described rules', () => {
    expect(RULES_VERSION).toMatch(/^rules\/\d+$/);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(20);
  });

  it('says GOOD with the rules that passed, and BAD with every rule that failed and why', () => {
    const steps = teacherSteps({ template: 'work-savings', questions: 20 });
    const good = steps.find((s) => s.label.good && parseAction(actionOf(s)).kind === 'calculate')!;
    expect(judgeStepByRules(good.step)).toMatchObject({ label: 'good', failed: [] });
    expect(judgeStepByRules(good.step).rationale).toMatch(/^GOOD: passed well-formed-action, .*quantities-compatible/);
    const systematic = steps.find((s) => s.label.systematic === true && !judgeStepByRules(s.step).failed.includes('expression-uses-known-quantities'))!;
    const verdict = judgeStepByRules(systematic.step);
    expect(verdict.label).toBe('bad');
    expect(verdict.rationale).toMatch(/^BAD \[quantities-compatible\] /);
  });

  it('judges only from the prefix: the same step gets the same verdict whatever the gold answer', () => {
    const s = teacherSteps({ template: 'older-person', questions: 5 })[3]!;
    expect(judgeStepByRules(s.step)).toEqual(judgeStepByRules({ prefix: s.step.prefix, action: s.step.action }));
  });

  it('reaches precision and recall of at least 0.9 on BAD steps of held-out teacher trajectories with the default mistake rates', () => {
    let [tp, fp, fn] = [0, 0, 0];
    for (const s of teacherSteps({ split: 'dev', questions: 1000, seeds: [0, 1, 2, 3], mistakes: DEFAULT_MISTAKES })) {
      const said = judgeStepByRules(s.step).label === 'bad';
      if (said && !s.label.good) tp++;
      else if (said) fp++;
      else if (!s.label.good) fn++;
    }
    expect(tp + fn).toBeGreaterThan(400);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
});
