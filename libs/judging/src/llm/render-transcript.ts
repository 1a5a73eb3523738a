import type { ChatTurn } from '../conversation/chat-turn';

export interface TranscriptLimits {
  /** Longest transcript in characters; longer ones are shortened. */
  readonly maxChars: number;
  /** A tool result longer than this is cut first. @default 400 */
  readonly maxObservationChars?: number;
}

const LABEL: Record<ChatTurn['role'], string> = { system: 'System', user: 'User', assistant: 'Assistant', tool: 'Tool' };

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * The conversation as plain text for a judge prompt, one `Role: text` block per turn, the system
 * prompt left out (the judge gets its own). Fits `maxChars`: tool results are cut first, then the
 * oldest turns after the question are dropped (and said to be), never the question itself.
 */
export function renderTranscript(prefix: readonly ChatTurn[], limits: TranscriptLimits): string {
  const turns = prefix.filter((t) => t.role !== 'system');
  const render = (list: readonly ChatTurn[], observationMax: number) =>
    list.map((t, i) => `${LABEL[t.role]}: ${i > 0 && t.role !== 'assistant' ? cut(t.content, observationMax) : t.content}`).join('\n');
  const observationMax = limits.maxObservationChars ?? 400;
  let text = render(turns, Number.MAX_SAFE_INTEGER);
  if (text.length <= limits.maxChars) return text;
  text = render(turns, observationMax);
  for (let dropped = 1; text.length > limits.maxChars && dropped < turns.length; dropped++) {
    const kept = [turns[0]!, { role: 'user' as const, content: `[${dropped} earlier message${dropped === 1 ? '' : 's'} left out]` }, ...turns.slice(1 + dropped)];
    text = render(kept, observationMax);
  }
  return cut(text, limits.maxChars);
}
