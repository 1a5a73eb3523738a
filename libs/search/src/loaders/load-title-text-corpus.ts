import type { SearchDocument } from '../corpus/search-document';
import { expectArray, expectObject, expectString, expectStringField } from './json-shape';
import { joinSentences } from './join-sentences';
import { readJsonFile } from './read-json-file';
import { createIdAllocator } from './unique-id-allocator';

/**
 * Reads a ready-made paragraph corpus. Two shapes exist in the data:
 * - an array of `{ title, text }` (`musique_train_corpus.json`);
 * - an object mapping title to text or to a sentence list (`hotpotqa_train_corpus.json`).
 * Exact repeats (same title and text) are dropped; ids are the titles, suffixed `#2`, `#3`...
 * when different paragraphs share a title.
 */
export function parseTitleTextCorpus(json: unknown, file: string): SearchDocument[] {
  const pairs: Array<{ title: string; text: string }> = [];
  if (Array.isArray(json)) {
    json.forEach((raw, i) => {
      const record = expectObject(raw, file, `[${i}]`);
      pairs.push({ title: expectStringField(record, 'title', file, `[${i}]`), text: expectStringField(record, 'text', file, `[${i}]`) });
    });
  } else {
    for (const [title, value] of Object.entries(expectObject(json, file, ''))) {
      const where = `[${JSON.stringify(title)}]`;
      const text = typeof value === 'string' ? value : joinSentences(expectArray(value, file, where).map((s, i) => expectString(s, file, `${where}[${i}]`)));
      pairs.push({ title, text });
    }
  }
  const allocateId = createIdAllocator();
  const seen = new Set<string>();
  const documents: SearchDocument[] = [];
  for (const { title, text } of pairs) {
    const key = `${title}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    documents.push({ id: allocateId(title), title, text: text.trim() });
  }
  return documents;
}

export async function loadTitleTextCorpus(file: string): Promise<SearchDocument[]> {
  return parseTitleTextCorpus(await readJsonFile(file), file);
}
