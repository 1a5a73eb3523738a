import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, withAction } from '../testing/teacher-steps.test-support';
import { queryNotRepeated } from './query-not-repeated';

describe('query-not-repeated', () => {
  const repeated = teacherStep({}, (s) => s.label.mistake === 'repeated-query');
  const secondGood = teacherStep({}, (s) => s.label.good && s.index >= 1 && parseAction(actionOf(s)).kind === 'search');

  it('rejects the teacher’s repeated query, naming the step it repeats', () => {
    const finding = checkRule(queryNotRepeated, repeated.step);
    expect(finding.ok).toBe(false);
    expect(!finding.ok && finding.why).toMatch(/^the query ".+" repeats the query of step \d+/);
  });

  it('accepts a later query that asks something new', () => {
    expect(checkRule(queryNotRepeated, secondGood.step)).toMatchObject({ ok: true, applies: true });
  });

  it('sees through a reordering or a change of case', () => {
    const query = parseAction(actionOf(repeated)) as { query: string };
    const shuffled = query.query.split(' ').reverse().join(' ').toUpperCase();
    expect(checkRule(queryNotRepeated, withAction(repeated, `Once more. <search_query>${shuffled}</search_query>`)).ok).toBe(false);
  });

  it('does not apply to answers', () => {
    expect(checkRule(queryNotRepeated, withAction(repeated, '<answer>x</answer>')).applies).toBe(false);
  });
});
