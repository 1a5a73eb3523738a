import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { actionOf, teacherStep, withAction } from '../testing/teacher-steps.test-support';
import { judgeStepByRules } from './rules-judge';
import { wellFormedAction } from './well-formed-action';

describe('well-formed-action', () => {
  const search = teacherStep({ template: 'founder-birth-year' }, (s) => s.label.good && s.index === 0);
  const answer = teacherStep({ template: 'founder-birth-year' }, (s) => s.label.good && parseAction(actionOf(s)).kind === 'answer');
  const reasoning = parseAction(actionOf(search)).reasoning;

  it('accepts the teacher’s real turns: one call, or one answer', () => {
    expect(checkRule(wellFormedAction, search.step)).toMatchObject({ ok: true, applies: true });
    expect(checkRule(wellFormedAction, answer.step)).toMatchObject({ ok: true, applies: true });
  });

  it.each([
    ['a call and an answer in one turn', () => `${actionOf(search)} ${actionOf(answer)}`, 'both a tool call and an answer'],
    ['two calls in one turn', () => `${actionOf(search)} <search_query>${search.question.question}</search_query>`, 'holds 2 actions'],
    ['reasoning without an action', () => reasoning, 'no action tag'],
    ['an empty turn', () => '', 'the turn is empty'],
    ['a call cut off before its closing tag', () => actionOf(search).replace('</search_query>', ''), 'not closed'],
    ['an empty tag', () => `${reasoning} <search_query> </search_query>`, 'tag is empty'],
    ['text after the tag', () => `${actionOf(search)} Then I will look up the birth year.`, 'text follows'],
  ])('rejects %s', (_, variant, why) => {
    const finding = checkRule(wellFormedAction, withAction(search, variant()));
    expect(finding).toMatchObject({ ok: false, applies: true });
    expect(!finding.ok && finding.why).toContain(why);
  });

  it('decides alone: a malformed turn is BAD for this rule only, named in the rationale', () => {
    const verdict = judgeStepByRules(withAction(search, `${actionOf(search)} ${actionOf(answer)}`));
    expect(verdict).toMatchObject({ label: 'bad', failed: ['well-formed-action'] });
    expect(verdict.rationale).toMatch(/^BAD \[well-formed-action\] the turn holds both a tool call and an answer$/);
  });
});
