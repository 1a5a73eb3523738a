import { createTempDir } from '../testing/temp-dir.test-support';
import { CorpusFormatError, CorpusSourceError } from './corpus-source-error';
import { loadJsonlCorpus } from './load-jsonl-corpus';

describe('loadJsonlCorpus', () => {
  const temp = createTempDir();
  afterAll(() => temp.cleanup());

  it('reads one document per line, defaulting ids to the line number and skipping blank lines', async () => {
    const file = temp.write(
      'ok.jsonl',
      ['{"id": "a", "title": "Tea", "text": "Tea is a drink."}', '', '{"title": "Coffee", "text": "Coffee is too."}', '{"id": 7, "title": "", "text": "Untitled."}', ''].join('\n'),
    );
    expect(await loadJsonlCorpus(file)).toEqual([
      { id: 'a', title: 'Tea', text: 'Tea is a drink.' },
      { id: '3', title: 'Coffee', text: 'Coffee is too.' },
      { id: '7', title: '', text: 'Untitled.' },
    ]);
  });

  it('accepts CRLF line endings', async () => {
    const file = temp.write('crlf.jsonl', '{"title": "A", "text": "a"}\r\n{"title": "B", "text": "b"}\r\n');
    expect((await loadJsonlCorpus(file)).map((d) => d.id)).toEqual(['1', '2']);
  });

  it('names the file and line of invalid JSON', async () => {
    const file = temp.write('bad.jsonl', '{"title": "A", "text": "a"}\n{"title": "B", "text": }\n');
    const error = await loadJsonlCorpus(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusFormatError);
    expect((error as CorpusFormatError).message).toMatch(/bad\.jsonl: line 2, line 1 column \d+: invalid JSON/);
  });

  it.each([
    ['a missing field', '{"title": "A"}', /line 1\.text: missing field/],
    ['a wrong type', '{"title": 3, "text": "a"}', /line 1\.title: expected a string, got number 3/],
    ['an empty text', '{"title": "A", "text": "  "}', /line 1\.text: must not be empty/],
    ['a non-object line', '["A", "a"]', /line 1: expected an object, got an array/],
    ['a bad id', '{"id": true, "title": "A", "text": "a"}', /line 1\.id: expected a string or number/],
  ])('reports %s with its line and field', async (_label, line, message) => {
    const file = temp.write('field.jsonl', `${line}\n`);
    await expect(loadJsonlCorpus(file)).rejects.toThrow(message);
  });

  it('rejects a repeated id, naming both lines', async () => {
    const file = temp.write('dup.jsonl', '{"id": "x", "title": "A", "text": "a"}\n{"id": "x", "title": "B", "text": "b"}\n');
    await expect(loadJsonlCorpus(file)).rejects.toThrow(/line 2\.id: id 'x' already used on line 1/);
  });

  it('reports a missing file as a source error naming it', async () => {
    const error = await loadJsonlCorpus(`${temp.dir}/nope.jsonl`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusSourceError);
    expect((error as Error).message).toMatch(/nope\.jsonl: file not found/);
  });
});
