/** One searchable passage (a Wikipedia paragraph, for the HotPotQA / MuSiQue corpora). */
export interface SearchDocument {
  /** Unique within its corpus; what search hits report as `docId`. */
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** A named, immutable list of documents plus a fingerprint of their content. */
export interface Corpus {
  readonly name: string;
  readonly documents: readonly SearchDocument[];
  /** sha256 (hex) over the documents in order; changes whenever any id, title or text changes. */
  readonly contentHash: string;
}
