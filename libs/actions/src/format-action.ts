import { ACTION_TAGS, actionContent, type WellFormedAction } from './action';

/**
 * The canonical text of an action: `reasoning <tag>content</tag>` (no space when there is no
 * reasoning). `parseAction` reads it back to an equal action when reasoning and content are
 * trimmed and contain no action tags.
 */
export function formatAction(action: WellFormedAction): string {
  const tag = ACTION_TAGS[action.kind];
  const call = `<${tag}>${actionContent(action)}</${tag}>`;
  return action.reasoning ? `${action.reasoning} ${call}` : call;
}
