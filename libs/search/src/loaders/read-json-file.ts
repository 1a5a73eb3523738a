import { readFile } from 'node:fs/promises';
import { CorpusFormatError, CorpusSourceError } from './corpus-source-error';
import { findJsonErrorOffset } from './json-error-offset';

/** Reads a text file, turning I/O failures into a {@link CorpusSourceError} naming the file. */
export async function readSourceFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read file (${(error as Error).message})`;
    throw new CorpusSourceError(file, problem, { cause: error });
  }
}

/** "line L column C" for a character offset, so a JSON syntax error can be found in an editor. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line} column ${column}`;
}

/** Parses JSON text, reporting syntax errors with their line and column in `file`. */
export function parseJsonText(text: string, file: string, locationPrefix = ''): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = findJsonErrorOffset(text);
    const where = offset === undefined ? 'JSON' : lineAndColumn(text, offset);
    // V8 quotes the surrounding text in some messages; the line and column say more, so keep it short.
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new CorpusFormatError(file, `${locationPrefix}${where}`, `invalid JSON: ${reason}`);
  }
}

export async function readJsonFile(file: string): Promise<unknown> {
  return parseJsonText(await readSourceFile(file), file);
}
