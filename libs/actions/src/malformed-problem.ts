import type { MalformedProblem } from './action';

const TAG_LIST = '<search_query>...</search_query>, <math_exp>...</math_exp> or <answer>...</answer>';

/**
 * Feedback for each format problem. Worded as an instruction so that, when shown back to the
 * policy as an observation, it tells the model what a valid turn looks like.
 */
export const MALFORMED_MESSAGES: Readonly<Record<MalformedProblem, string>> = Object.freeze({
  'no-action': `No action found. End your turn with exactly one of ${TAG_LIST}.`,
  'multiple-actions':
    'More than one action in one turn. Write exactly one tool call or one answer per turn, never both, then stop and wait for the result.',
  'unclosed-tag': 'The action tag is not closed. Close it with the matching end tag, e.g. <search_query>...</search_query>.',
  'empty-content': 'The action tag is empty. Put the query, the expression or the answer between the tags.',
  'text-after-action': 'Text follows the action. Stop right after the closing tag; put any reasoning before the tag.',
});
