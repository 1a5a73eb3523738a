import { wordSpans, type WordSpan } from '../tokenizer/tokenizer';

export interface SnippetOptions {
  /**
   * Longest excerpt, in characters, not counting the `…` marks.
   * @default 240
   */
  maxChars?: number;
}

const ELLIPSIS = '…';

interface Window {
  readonly first: number; // index into spans of the first matching word
  readonly last: number; // index of the last matching word
  readonly distinct: number;
  readonly hits: number;
}

/** Finds the span of matching words that covers the most distinct query terms within the budget. */
function bestWindow(spans: readonly WordSpan[], matches: readonly number[], maxChars: number): Window | undefined {
  let best: Window | undefined;
  for (let i = 0; i < matches.length; i++) {
    const counts = new Map<string, number>();
    let j = i;
    for (; j < matches.length; j++) {
      const span = spans[matches[j]];
      if (span.end - spans[matches[i]].start > maxChars) break;
      counts.set(span.term, (counts.get(span.term) ?? 0) + 1);
    }
    const candidate = { first: matches[i], last: matches[j - 1], distinct: counts.size, hits: j - i };
    if (!best || candidate.distinct > best.distinct || (candidate.distinct === best.distinct && candidate.hits > best.hits)) {
      best = candidate;
    }
  }
  return best;
}

/** Moves `start` forward to the first word starting at or after it (never splits a word). */
function snapStart(spans: readonly WordSpan[], start: number): number {
  if (start <= 0) return 0;
  const word = spans.find((s) => s.start >= start);
  return word ? word.start : start;
}

/** Moves `end` back to the end of the last word that finishes at or before it, plus closing punctuation. */
function snapEnd(text: string, spans: readonly WordSpan[], start: number, end: number): number {
  if (end >= text.length) return text.length;
  let cut = start;
  for (const s of spans) {
    if (s.end > end) break;
    if (s.start >= start) cut = s.end;
  }
  // Keep a directly following closing mark (".", ")", '"') if it still fits.
  while (cut < end && /[.,;:!?)\]"'”’]/u.test(text[cut])) cut++;
  return cut > start ? cut : end;
}

/**
 * The excerpt of `text` (at most `maxChars` characters plus `…` marks where it was cut) that best
 * covers `queryTerms`: the window with the most distinct matching words, padded evenly with
 * context and cut on word boundaries. Without any match, the start of the text.
 */
export function makeSnippet(text: string, queryTerms: readonly string[], options: SnippetOptions = {}): string {
  const maxChars = options.maxChars ?? 240;
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed.replace(/\s+/g, ' ');

  const spans = wordSpans(trimmed);
  const wanted = new Set(queryTerms);
  const matches = spans.flatMap((s, i) => (wanted.has(s.term) ? [i] : []));
  const window = bestWindow(spans, matches, maxChars);

  let start = 0;
  if (window) {
    const from = spans[window.first].start;
    const to = spans[window.last].end;
    // Start at the sentence holding the first match when all matches still fit: easier to read.
    const dot = trimmed.lastIndexOf('. ', from - 1);
    const sentenceStart = dot < 0 ? 0 : dot + 2;
    if (to - sentenceStart <= maxChars) {
      start = sentenceStart;
    } else {
      // Otherwise centre the matches, without running past the end of the text.
      const slack = maxChars - (to - from);
      start = snapStart(spans, Math.max(0, Math.min(from - Math.floor(slack / 2), trimmed.length - maxChars)));
    }
  }
  const end = snapEnd(trimmed, spans, start, start + maxChars);
  // Line breaks and runs of spaces waste the reader's budget.
  const body = trimmed.slice(start, end).trim().replace(/\s+/g, ' ');
  return `${start > 0 ? ELLIPSIS : ''}${body}${end < trimmed.length ? ELLIPSIS : ''}`;
}
