import { createHash } from 'node:crypto';
import type { SearchDocument } from './search-document';

/**
 * sha256 over the documents in order. Each field is length-prefixed so that moving text
 * between fields or documents can never produce the same byte stream.
 */
export function hashDocuments(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  hash.update(`documents:${documents.length}\n`);
  for (const doc of documents) {
    for (const field of [doc.id, doc.title, doc.text]) {
      hash.update(`${Buffer.byteLength(field, 'utf8')}:`);
      hash.update(field, 'utf8');
    }
  }
  return hash.digest('hex');
}
