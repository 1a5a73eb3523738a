import { ACTION_TAGS, type ActionKind, type MalformedProblem, type ParsedAction } from './action';
import { MALFORMED_MESSAGES } from './malformed-problem';

const KIND_OF_TAG = new Map<string, ActionKind>(
  (Object.entries(ACTION_TAGS) as [ActionKind, string][]).map(([kind, tag]) => [tag, kind]),
);
const OPENING_TAG = new RegExp(`<(${Object.values(ACTION_TAGS).join('|')})>`, 'g');

function malformed(reasoning: string, problem: MalformedProblem): ParsedAction {
  return { kind: 'malformed', reasoning, problem, message: MALFORMED_MESSAGES[problem] };
}

/**
 * Reads one model turn: optional reasoning, then exactly one tagged action and nothing but
 * whitespace after it. Never throws; anything else becomes a `malformed` action whose
 * `problem` names the first rule broken (checked in the order of the union's documentation).
 */
export function parseAction(text: string): ParsedAction {
  const openings = [...text.matchAll(OPENING_TAG)];
  if (openings.length === 0) return malformed(text.trim(), 'no-action');

  const first = openings[0];
  const reasoning = text.slice(0, first.index).trim();
  // Two opening tags mean two actions (two calls, or a call and an answer), closed or not.
  if (openings.length > 1) return malformed(reasoning, 'multiple-actions');

  const tag = first[1];
  const contentStart = first.index + first[0].length;
  const closing = `</${tag}>`;
  const contentEnd = text.indexOf(closing, contentStart);
  if (contentEnd < 0) return malformed(reasoning, 'unclosed-tag');

  const content = text.slice(contentStart, contentEnd).trim();
  if (content.length === 0) return malformed(reasoning, 'empty-content');
  if (text.slice(contentEnd + closing.length).trim().length > 0) return malformed(reasoning, 'text-after-action');

  const kind = KIND_OF_TAG.get(tag);
  switch (kind) {
    case 'search':
      return { kind, reasoning, query: content };
    case 'calculate':
      return { kind, reasoning, expression: content };
    case 'answer':
      return { kind, reasoning, answer: content };
    default:
      throw new Error(`unreachable: tag '${tag}' has no action kind`);
  }
}
