/** One hit of a search result: `Title: snippet` (optionally numbered `[1] Title: snippet`). */
export interface SearchHit {
  /** The article title, when the hit names one. */
  readonly title?: string;
  /** The whole hit, title included. */
  readonly text: string;
}

/** Hits of a search result; they are joined by ` | ` on the one observation line. */
export function readSearchHits(result: string): SearchHit[] {
  return result
    .split(/\s+\|\s+/)
    .map((part) => part.trim().replace(/^\[\d+\]\s*/, ''))
    .filter((part) => part.length > 0 && !/^no results\b/i.test(part))
    .map((text) => {
      const colon = text.indexOf(': ');
      return colon > 0 && colon <= 120 ? { title: text.slice(0, colon).trim(), text } : { text };
    });
}
