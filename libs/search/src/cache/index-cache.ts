import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SearchDocument } from '../corpus/search-document';
import { hashDocuments } from '../corpus/hash-documents';

/**
 * A cache file holds three lines of JSON: a header (the key), the documents, and the serialised
 * minisearch index. Keeping the header on its own line lets a stale file be rejected without
 * parsing the megabytes behind it.
 */
const MAGIC = 'swirl-search-index';

/** What a cached index must match to be reused. */
export interface IndexCacheKey {
  /** Corpus content hash (sha256 over its documents). */
  readonly contentHash: string;
  /** Index format version and tokeniser settings, see `indexFingerprint`. */
  readonly indexFingerprint: string;
}

interface CacheHeader extends IndexCacheKey {
  readonly magic: typeof MAGIC;
  readonly corpusName: string;
  readonly documentCount: number;
}

export type CacheReadResult =
  | { readonly status: 'hit'; readonly documents: SearchDocument[]; readonly indexJson: string }
  | { readonly status: 'missing' }
  | { readonly status: 'stale' }
  | { readonly status: 'corrupt'; readonly problem: string };

/** One file per corpus name; characters unsafe in file names become `_`. */
export function cacheFilePath(cacheDir: string, corpusName: string): string {
  return join(cacheDir, `${corpusName.replace(/[^A-Za-z0-9._-]/g, '_')}.search-index`);
}

function isDocument(value: unknown): value is SearchDocument {
  const doc = value as Record<string, unknown> | null;
  return typeof doc === 'object' && doc !== null && typeof doc.id === 'string' && typeof doc.title === 'string' && typeof doc.text === 'string';
}

/** Reads a cache file; never throws for a missing, stale or damaged file (the caller rebuilds). */
export async function readIndexCache(file: string, key: IndexCacheKey): Promise<CacheReadResult> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'corrupt', problem: `cannot read: ${(error as Error).message}` };
  }
  const firstBreak = content.indexOf('\n');
  const secondBreak = content.indexOf('\n', firstBreak + 1);
  if (firstBreak < 0 || secondBreak < 0) return { status: 'corrupt', problem: 'fewer than three lines' };
  try {
    const header = JSON.parse(content.slice(0, firstBreak)) as Partial<CacheHeader>;
    if (header.magic !== MAGIC) return { status: 'corrupt', problem: 'not a search index cache file' };
    if (header.contentHash !== key.contentHash || header.indexFingerprint !== key.indexFingerprint) return { status: 'stale' };
    const documents: unknown = JSON.parse(content.slice(firstBreak + 1, secondBreak));
    if (!Array.isArray(documents) || !documents.every(isDocument) || documents.length !== header.documentCount) {
      return { status: 'corrupt', problem: 'document list is malformed' };
    }
    // The header could be intact while the documents were damaged; the hash tells.
    if (hashDocuments(documents) !== key.contentHash) return { status: 'corrupt', problem: 'documents do not match the content hash' };
    return { status: 'hit', documents, indexJson: content.slice(secondBreak + 1).trimEnd() };
  } catch (error) {
    return { status: 'corrupt', problem: (error as Error).message };
  }
}

/** Writes the cache atomically: a temp file in the same directory, then a rename over the old one. */
export async function writeIndexCache(
  file: string,
  key: IndexCacheKey,
  corpusName: string,
  documents: readonly SearchDocument[],
  indexJson: string,
): Promise<void> {
  const header: CacheHeader = { magic: MAGIC, corpusName, documentCount: documents.length, ...key };
  const body = `${JSON.stringify(header)}\n${JSON.stringify(documents)}\n${indexJson}\n`;
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, body, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
