/** Query-time settings of a searcher; they never affect the index or its cache. */
export interface SearcherOptions {
  /**
   * Hits returned when `search` is called without `topK`.
   * @default 5
   */
  defaultTopK?: number;
  /**
   * Upper bound for `topK`; larger requests are clamped to it, so a caller cannot ask the
   * tool for an unbounded answer.
   * @default 50
   */
  maxTopK?: number;
  /**
   * Longest snippet per hit, in characters (plus `…` marks).
   * @default 240
   */
  snippetChars?: number;
}

export type SearcherConfig = Readonly<Required<SearcherOptions>>;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

export function resolveSearcherConfig(options: SearcherOptions = {}): SearcherConfig {
  const maxTopK = positiveInteger('maxTopK', options.maxTopK ?? 50);
  const defaultTopK = positiveInteger('defaultTopK', options.defaultTopK ?? 5);
  if (defaultTopK > maxTopK) throw new RangeError(`defaultTopK (${defaultTopK}) must not exceed maxTopK (${maxTopK})`);
  return Object.freeze({ defaultTopK, maxTopK, snippetChars: positiveInteger('snippetChars', options.snippetChars ?? 240) });
}

/**
 * The number of hits to return: `requested` (default `defaultTopK`) clamped to `maxTopK`.
 * A topK that is not a positive integer is a caller bug and throws.
 */
export function resolveTopK(requested: number | undefined, config: SearcherConfig): number {
  if (requested === undefined) return config.defaultTopK;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new RangeError(`topK must be a positive integer, got ${requested}`);
  }
  return Math.min(requested, config.maxTopK);
}
