import { STOPWORDS } from './stopwords';

/** Lower-case word tokens (letters and digits; thousands separators dropped from numbers). */
export function wordTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/(\d),(?=\d{3}\b)/g, '$1')
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  ).map((t) => t.replace(/['’]s$/, ''));
}

/** Word tokens without stopwords: what a text is about. */
export function contentTokens(text: string): string[] {
  return wordTokens(text).filter((t) => !STOPWORDS.has(t));
}

/** Same multiset of content words, in any order. */
export function sameContent(a: string, b: string): boolean {
  const x = contentTokens(a).sort();
  const y = contentTokens(b).sort();
  return x.length > 0 && x.length === y.length && x.every((t, i) => t === y[i]);
}
