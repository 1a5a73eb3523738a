import { ACTION_TAGS } from '@swirl/actions';
import { fail, PASS, type Rule } from './rule';

const TOOL_TAGS = [ACTION_TAGS.search, ACTION_TAGS.calculate];
const count = (text: string, tag: string) => text.split(`<${tag}>`).length - 1;

/** Malformed actions (nothing, several calls, a call and an answer) are BAD. */
export const wellFormedAction: Rule = {
  id: 'well-formed-action',
  description: 'The turn holds exactly one closed, non-empty action tag (one tool call or one answer) and nothing after it.',
  appliesTo: () => true,
  check(ctx) {
    const action = ctx.action;
    if (action.kind !== 'malformed') return PASS;
    const text = ctx.actionText;
    switch (action.problem) {
      case 'no-action':
        return fail(text.trim() === '' ? 'the turn is empty' : 'the turn has no action tag (<search_query>, <math_exp> or <answer>)');
      case 'multiple-actions': {
        const calls = TOOL_TAGS.reduce((n, tag) => n + count(text, tag), 0);
        return fail(count(text, ACTION_TAGS.answer) > 0 && calls > 0 ? 'the turn holds both a tool call and an answer' : `the turn holds ${calls || 'several'} actions; one per turn`);
      }
      case 'unclosed-tag':
        return fail('the action tag is not closed');
      case 'empty-content':
        return fail('the action tag is empty');
      case 'text-after-action':
        return fail('text follows the action tag');
    }
  },
};
