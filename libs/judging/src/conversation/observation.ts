/** A tool's response as the conversation shows it: `CALL -> RESULT`. */
export interface Observation {
  readonly text: string;
  /** The query or expression echoed before ` -> ` (empty if the line has no arrow). */
  readonly call: string;
  /** What the tool returned, after ` -> `. */
  readonly result: string;
}

const ARROW = ' -> ';

/**
 * Splits an observation line. When the call is known (the query or expression of the action it
 * answers) it is matched first, so a query that itself contains " -> " splits correctly.
 */
export function readObservation(text: string, call?: string): Observation {
  const trimmed = text.trim();
  if (call !== undefined) {
    const echoed = call.trim().replace(/\s*[\r\n]+\s*/g, ' ');
    if (trimmed.startsWith(echoed + ARROW)) return { text: trimmed, call: echoed, result: trimmed.slice(echoed.length + ARROW.length).trim() };
  }
  const at = trimmed.indexOf(ARROW);
  if (at < 0) return { text: trimmed, call: '', result: trimmed };
  return { text: trimmed, call: trimmed.slice(0, at).trim(), result: trimmed.slice(at + ARROW.length).trim() };
}

/** True for a calculator or search result that reports a failure rather than a value. */
export function isErrorResult(result: string): boolean {
  return /^(error\b|no results\b)/i.test(result);
}
