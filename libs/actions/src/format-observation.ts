/** Joins the lines of a multi-line tool result, so every observation stays on one line. */
export const OBSERVATION_LINE_SEPARATOR = ' | ';

/**
 * The observation fed back to the policy after a tool call: `QUERY -> RESULT`, e.g.
 * `48 / 2 -> 24`. Always one line: line breaks in the result (and any blank lines around them)
 * become ` | `, because prefixes are read line by line and a multi-line result would look like
 * several turns. The query or expression is trimmed and its own line breaks become spaces.
 */
export function formatObservation(queryOrExpression: string, result: string): string {
  const call = queryOrExpression.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  const outcome = result
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(OBSERVATION_LINE_SEPARATOR);
  return `${call} -> ${outcome}`;
}
