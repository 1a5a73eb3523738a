import type { SearchDocument } from '../corpus/search-document';
import { expectArray, expectObject, expectStringField } from './json-shape';
import { readJsonFile } from './read-json-file';
import { createIdAllocator } from './unique-id-allocator';

/** Identifies a MuSiQue paragraph: titles repeat across different paragraphs, title + text does not. */
export function musiqueParagraphKey(title: string, text: string): string {
  return `${title}\u0000${text.trim()}`;
}

/**
 * Pools `paragraphs[].{title, paragraph_text}` of MuSiQue examples into one corpus, dropping
 * repeats of the same title and text. MuSiQue often has several paragraphs per title, so ids
 * are the titles suffixed `#2`, `#3`... in order of first appearance.
 */
export function parseMusiqueCorpus(json: unknown, file: string): SearchDocument[] {
  const allocateId = createIdAllocator();
  const seen = new Set<string>();
  const documents: SearchDocument[] = [];
  expectArray(json, file, '').forEach((rawExample, e) => {
    const example = expectObject(rawExample, file, `[${e}]`);
    expectArray(example.paragraphs, file, `[${e}].paragraphs`).forEach((rawParagraph, p) => {
      const where = `[${e}].paragraphs[${p}]`;
      const paragraph = expectObject(rawParagraph, file, where);
      const title = expectStringField(paragraph, 'title', file, where);
      const text = expectStringField(paragraph, 'paragraph_text', file, where);
      const key = musiqueParagraphKey(title, text);
      if (seen.has(key)) return;
      seen.add(key);
      documents.push({ id: allocateId(title), title, text: text.trim() });
    });
  });
  return documents;
}

export async function loadMusiqueCorpus(file: string): Promise<SearchDocument[]> {
  return parseMusiqueCorpus(await readJsonFile(file), file);
}
