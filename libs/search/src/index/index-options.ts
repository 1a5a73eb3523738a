import { createHash } from 'node:crypto';
import { resolveTokenizerConfig, type TokenizerConfig, type TokenizerOptions } from '../tokenizer/tokenizer';

/**
 * Bumped whenever the serialised index layout or the tokeniser code changes, so caches written
 * by older code are rebuilt instead of being read with the wrong assumptions.
 */
export const INDEX_FORMAT_VERSION = 1;

/** BM25+ parameters (see minisearch's `BM25Params`). */
export interface Bm25Params {
  /** Term-frequency saturation. @default 1.2 */
  k?: number;
  /** Length normalisation. @default 0.7 */
  b?: number;
  /** BM25+ lower bound for one occurrence of a term. @default 0.5 */
  d?: number;
}

export interface IndexOptions {
  /** How documents and queries are cut into terms. */
  tokenizer?: TokenizerOptions;
  /**
   * Score multiplier for matches in the title. Titles are short and name the entity a
   * paragraph is about, so a title match is strong evidence of relevance.
   * @default 2
   */
  titleBoost?: number;
  /** BM25+ scoring parameters. */
  bm25?: Bm25Params;
}

export interface IndexConfig {
  readonly tokenizer: TokenizerConfig;
  readonly titleBoost: number;
  readonly bm25: Readonly<Required<Bm25Params>>;
}

function positive(name: string, value: number, allowZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(`index option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${value}`);
  }
  return value;
}

export function resolveIndexConfig(options: IndexOptions = {}): IndexConfig {
  return Object.freeze({
    tokenizer: resolveTokenizerConfig(options.tokenizer),
    titleBoost: positive('titleBoost', options.titleBoost ?? 2),
    bm25: Object.freeze({
      k: positive('bm25.k', options.bm25?.k ?? 1.2),
      b: positive('bm25.b', options.bm25?.b ?? 0.7, true),
      d: positive('bm25.d', options.bm25?.d ?? 0.5, true),
    }),
  });
}

/**
 * Identifies what a serialised index depends on besides the documents: the format version and
 * the tokeniser settings. Scoring knobs (boost, BM25 params) are applied at query time, so
 * changing them does not invalidate a cache.
 */
export function indexFingerprint(config: IndexConfig): string {
  const material = JSON.stringify({ version: INDEX_FORMAT_VERSION, tokenizer: config.tokenizer });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}
