import type { SearchDocument } from '../corpus/search-document';
import { CorpusFormatError } from './corpus-source-error';
import { expectObject, expectStringField } from './json-shape';
import { parseJsonText, readSourceFile } from './read-json-file';

/**
 * Parses JSON Lines, one `{"id"?, "title", "text"}` object per line. Blank lines are skipped;
 * a missing id becomes the 1-based line number, so ids stay stable when lines are appended.
 */
export function parseJsonlCorpus(content: string, file: string): SearchDocument[] {
  const documents: SearchDocument[] = [];
  const lineOfId = new Map<string, number>();
  content.split(/\r?\n/).forEach((line, i) => {
    const lineNumber = i + 1;
    if (line.trim().length === 0) return;
    const where = `line ${lineNumber}`;
    const record = expectObject(parseJsonText(line, file, `${where}, `), file, where);
    const rawId = record.id;
    if (rawId !== undefined && typeof rawId !== 'string' && typeof rawId !== 'number') {
      throw new CorpusFormatError(file, `${where}.id`, `expected a string or number, got ${JSON.stringify(rawId)}`);
    }
    const id = rawId === undefined ? String(lineNumber) : String(rawId);
    const firstLine = lineOfId.get(id);
    if (firstLine !== undefined) throw new CorpusFormatError(file, `${where}.id`, `id '${id}' already used on line ${firstLine}`);
    lineOfId.set(id, lineNumber);
    documents.push({
      id,
      title: expectStringField(record, 'title', file, where, { allowEmpty: true }),
      text: expectStringField(record, 'text', file, where),
    });
  });
  return documents;
}

export async function loadJsonlCorpus(file: string): Promise<SearchDocument[]> {
  return parseJsonlCorpus(await readSourceFile(file), file);
}
