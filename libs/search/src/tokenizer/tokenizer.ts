import { ENGLISH_STOP_WORDS } from './stop-words';

/** How text is cut into index terms. Part of the index cache key: changing it forces a rebuild. */
export interface TokenizerOptions {
  /**
   * Drop common English function words ({@link ENGLISH_STOP_WORDS}) from documents and queries.
   * @default true
   */
  removeStopWords?: boolean;
}

export type TokenizerConfig = Readonly<Required<TokenizerOptions>>;

export function resolveTokenizerConfig(options: TokenizerOptions = {}): TokenizerConfig {
  return Object.freeze({ removeStopWords: options.removeStopWords ?? true });
}

/** A word of the original text, with its offsets, and the index term it maps to. */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  readonly term: string;
}

// Letters (with their combining marks) and digits; everything else - punctuation, symbols,
// whitespace - separates words. Apostrophes split too, so "Wood's" yields "wood" + "s".
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lower-cases and folds accents ("Alû" -> "alu") so queries typed without them still match. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Every word of `text` with its offsets, stop words included (the snippet needs positions). */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term.length > 0) spans.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return spans;
}

export function isIndexTerm(term: string, config: TokenizerConfig): boolean {
  return !(config.removeStopWords && ENGLISH_STOP_WORDS.has(term));
}

/** The index terms of `text`, in order, repeats kept (BM25 needs term frequencies). */
export function tokenize(text: string, config: TokenizerConfig): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeWord(match[0]);
    if (term.length > 0 && isIndexTerm(term, config)) terms.push(term);
  }
  return terms;
}
