import { parseAction, type WellFormedAction } from '@swirl/actions';
import { expressionOf } from '../math/calculation-builder';
import { everyNth, sharedWorld } from '../testing/shared-world.test-support';
import type { WorldQuestion } from '../world/world-question';
import { NO_MISTAKES, type MistakeOptions } from './mistake-options';
import { STEP_CAPS } from './step-recorder';
import { teacherTrajectory } from './teacher-trajectory';
import type { TeacherTrajectory } from './teacher-trajectory-types';

const { world, tools } = sharedWorld();
const train = (family: 'multihop' | 'math') => everyNth(world.questions('train', family), 5);
const parsed = (text: string) => parseAction(text) as WellFormedAction;
const run = (question: WorldQuestion, mistakes: MistakeOptions, seed = 0) => teacherTrajectory(question, { tools, seed, mistakes });

describe('teacherTrajectory without mistakes', () => {
  it('solves every sampled question, following the ideal plan with real tool observations', () => {
    for (const question of [...world.questions('dev'), ...train('multihop'), ...train('math')]) {
      const trajectory = run(question, NO_MISTAKES);
      expect({ id: question.id, correct: trajectory.correct }).toEqual({ id: question.id, correct: true });
      expect(trajectory.steps.map((s) => parsed(s.action))).toEqual(question.plan);
      expect(trajectory.steps.every((s) => s.label.good)).toBe(true);
      for (const [i, step] of trajectory.steps.entries()) expect(step.observation === undefined).toBe(i === trajectory.steps.length - 1);
    }
  });

  it('is deterministic for a seed', () => {
    const question = world.questions('train', 'multihop')[3];
    expect(run(question, {}, 4)).toEqual(run(question, {}, 4));
  });
});

describe('teacherTrajectory with mistakes', () => {
  const heavy: MistakeOptions = { unhelpfulQuery: 0.3, repeatedQuery: 0.3, wrongOperation: 0.3, correctionRate: 0.5, prematureAnswer: 0.2, unsupportedAnswer: 0.2, systematicRate: 0.8 };
  const samples: [WorldQuestion, TeacherTrajectory][] = [...train('multihop'), ...train('math')].flatMap((q) => [0, 1].map((seed) => [q, run(q, heavy, seed)] as [WorldQuestion, TeacherTrajectory]));

  it('respects the step caps and always ends with exactly one answer', () => {
    for (const [question, trajectory] of samples) {
      expect(trajectory.steps.length).toBeLessThanOrEqual(STEP_CAPS[question.family]);
      const kinds = trajectory.steps.map((s) => parsed(s.action).kind);
      expect(kinds.filter((k) => k === 'answer')).toHaveLength(1);
      expect(kinds[kinds.length - 1]).toBe('answer');
    }
  });

  it('labels exactly what it injected', () => {
    for (const [question, trajectory] of samples) {
      const queries: string[] = [];
      const results: string[] = [];
      let goodSearches = 0;
      for (const step of trajectory.steps) {
        const action = parsed(step.action);
        const mistake = step.label.mistake;
        expect(step.label.good).toBe(mistake === undefined);
        if (action.kind === 'search') {
          if (mistake === 'unhelpful-query') expect(question.supportingTitles.some((t) => action.query.startsWith(t))).toBe(false);
          if (mistake === 'repeated-query') expect(action.query).toBe(queries[queries.length - 1]);
          if (step.label.good) expect(action.query).toBe(question.hops[goodSearches++].query);
          queries.push(action.query);
        } else if (action.kind === 'calculate') {
          const index = results.length;
          const right = expressionOf(question.calculations[index], results);
          if (mistake === 'wrong-operation') expect(action.expression).not.toBe(right);
          else {
            expect(action.expression).toBe(right);
            results.push(step.observation?.split(' -> ')[1] ?? '');
          }
          // An uncorrected mistake: the next steps build on the wrong result.
          const next = trajectory.steps[trajectory.steps.indexOf(step) + 1];
          if (mistake === 'wrong-operation' && !next?.action.startsWith('That does not look right')) {
            results.push(step.observation?.split(' -> ')[1] ?? '');
          }
        } else {
          if (mistake === 'premature-answer') expect(goodSearches + results.length).toBeLessThan(question.hops.length + question.calculations.length);
          if (mistake === undefined && question.family === 'math') expect(action.answer).toBe(results[results.length - 1]);
          if (mistake === 'unsupported-answer' && question.family === 'math') expect(action.answer).not.toBe(results[results.length - 1]);
        }
      }
    }
  });

  it('makes every kind of mistake, and its systematic ones in their contexts', () => {
    const kinds = new Set(samples.flatMap(([, t]) => t.steps.map((s) => s.label.mistake)));
    for (const kind of ['unhelpful-query', 'repeated-query', 'wrong-operation', 'premature-answer', 'unsupported-answer']) expect(kinds).toContain(kind);
    const systematic = samples.filter(([, t]) => t.steps.some((s) => s.label.systematic)).map(([q]) => q.template);
    expect(new Set(systematic)).toEqual(new Set(['work-savings', 'larger-city']));
  });

  it('recovers from a bad query with the good one', () => {
    for (const [, trajectory] of samples) {
      trajectory.steps.forEach((step, i) => {
        if (step.label.mistake === 'unhelpful-query') expect(parsed(trajectory.steps[i + 1].action).kind).toBe('search');
      });
    }
  });
});

describe('observed mistake rates', () => {
  const rate = (hits: number, total: number) => hits / total;

  it('injects unhelpful queries at the configured rate per planned search', () => {
    const questions = world.questions('train', 'multihop').filter((q) => q.hops.length === 2).slice(0, 1000);
    const steps = questions.flatMap((q) => run(q, { ...NO_MISTAKES, unhelpfulQuery: 0.2 }).steps);
    expect(rate(steps.filter((s) => s.label.mistake === 'unhelpful-query').length, questions.length * 2)).toBeCloseTo(0.2, 1);
  });

  it('injects wrong operations at the configured rate per calculation', () => {
    const questions = world.questions('train', 'math').filter((q) => q.template !== 'work-savings');
    const calculations = questions.reduce((n, q) => n + q.calculations.length, 0);
    const steps = questions.flatMap((q) => run(q, { ...NO_MISTAKES, wrongOperation: 0.1 }).steps);
    expect(rate(steps.filter((s) => s.label.mistake === 'wrong-operation').length, calculations)).toBeCloseTo(0.1, 1);
  });

  it('makes the systematic mistake at the systematic rate in its context only', () => {
    const questions = world.questions('train', 'math');
    const trajectories = questions.map((q) => run(q, { ...NO_MISTAKES, systematicRate: 0.8 }));
    const inContext = trajectories.filter((_, i) => questions[i].template === 'work-savings');
    const withMistake = inContext.filter((t) => t.steps.some((s) => s.label.systematic));
    expect(rate(withMistake.length, inContext.length)).toBeCloseTo(0.8, 1);
    expect(trajectories.filter((t, i) => questions[i].template !== 'work-savings' && !t.correct)).toEqual([]);
    // Uncorrected, it always ends in a wrong final answer.
    expect(withMistake.every((t) => !t.correct)).toBe(true);
  });
});
