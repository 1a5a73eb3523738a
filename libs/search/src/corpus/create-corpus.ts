import { hashDocuments } from './hash-documents';
import type { Corpus, SearchDocument } from './search-document';

/** Error for a corpus whose documents are unusable as a whole (e.g. duplicate ids). */
export class InvalidCorpusError extends Error {
  override readonly name = 'InvalidCorpusError';
}

/** Freezes the documents into a corpus and fingerprints them; ids must be unique. */
export function createCorpus(name: string, documents: readonly SearchDocument[]): Corpus {
  const seen = new Set<string>();
  const frozen = documents.map((doc, i) => {
    if (seen.has(doc.id)) {
      throw new InvalidCorpusError(`corpus '${name}': document #${i} repeats id '${doc.id}'`);
    }
    seen.add(doc.id);
    return Object.freeze({ id: doc.id, title: doc.title, text: doc.text });
  });
  return Object.freeze({ name, documents: Object.freeze(frozen), contentHash: hashDocuments(frozen) });
}
