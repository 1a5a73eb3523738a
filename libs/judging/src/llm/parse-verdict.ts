/** What a judge's free text said, if anything could be read from it. */
export interface ParsedVerdict<L extends string> {
  /** The label, or undefined when the text does not commit to one (an abstention). */
  readonly label?: L;
  /** How it was read: an explicit "Verdict:" line, a line holding only the label, or the one label mentioned. */
  readonly how?: 'marked' | 'alone' | 'only-mention';
  /** The text without its verdict line, trimmed: the judge's explanation. */
  readonly rationale: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a verdict out of free text, strictly enough that garbage never becomes a label:
 * 1. the last explicit marker ("Verdict: GOOD", "**Final verdict:** bad", "Label = BAD");
 * 2. else the last line that holds only a label ("GOOD.", "**BAD**");
 * 3. else a label written in capitals, if only one of the labels is;
 * 4. else a label word in any case, if only one of them occurs and it is not negated.
 * Anything else is an abstention. Labels are matched as whole words.
 */
export function parseVerdict<L extends string>(text: string, labels: readonly [L, L]): ParsedVerdict<L> {
  const alternatives = labels.map(escape).join('|');
  const canonical = (word: string) => labels.find((l) => l.toLowerCase() === word.toLowerCase())!;
  const withoutLine = (re: RegExp) => text.replace(re, '').trim();

  const marker = new RegExp(`(?:final\\s+)?(?:verdict|judg(?:e)?ment|label|decision|rating|answer|grade)\\s*(?:is)?\\s*[:=\\-]?\\s*[*_"'\`\\[(]*\\s*(${alternatives})\\b`, 'gi');
  const marks = [...text.matchAll(marker)];
  const lastMark = marks[marks.length - 1];
  if (lastMark !== undefined) {
    const line = new RegExp(`^.*${escape(lastMark[0])}.*$`, 'm');
    return { label: canonical(lastMark[1]!), how: 'marked', rationale: withoutLine(line) };
  }
  const aloneLine = new RegExp(`^[\\s*_"'\`#>.\\-]*(${alternatives})[\\s*_"'\`.!]*$`, 'gim');
  const alone = [...text.matchAll(aloneLine)];
  const lastAlone = alone[alone.length - 1];
  if (lastAlone !== undefined) return { label: canonical(lastAlone[1]!), how: 'alone', rationale: withoutLine(new RegExp(`^${escape(lastAlone[0])}$`, 'm')) };

  const capitals = labels.filter((l) => new RegExp(`\\b${escape(l.toUpperCase())}\\b`).test(text));
  if (capitals.length === 1) return { label: capitals[0]!, how: 'only-mention', rationale: text.trim() };
  if (capitals.length > 1) return { rationale: text.trim() };

  const mentioned = labels.filter((l) => new RegExp(`\\b${escape(l)}\\b`, 'i').test(text));
  if (mentioned.length === 1) {
    const negated = new RegExp(`\\b(not|n't|never|no)\\s+(?:\\w+\\s+)?${escape(mentioned[0]!)}\\b`, 'i').test(text);
    if (!negated) return { label: mentioned[0]!, how: 'only-mention', rationale: text.trim() };
  }
  return { rationale: text.trim() };
}
