import { createTempDir } from '../testing/temp-dir.test-support';
import { loadHotpotqaCorpus } from './load-hotpotqa-corpus';

const example = (context: unknown) => ({ _id: 'x', question: 'q?', answer: 'a', supporting_facts: [], context });

describe('loadHotpotqaCorpus', () => {
  const temp = createTempDir();
  afterAll(() => temp.cleanup());

  it('pools the paragraphs of all examples, one document per title', async () => {
    const file = temp.write(
      'dev.json',
      JSON.stringify([
        example([
          ['Ed Wood', ['Ed Wood was a filmmaker.', ' He was American.']],
          ['Tea', ['Tea is a drink.']],
        ]),
        example([
          ['Tea', ['Tea is a drink.']],
          ['Scott Derrickson', ['Scott Derrickson is a director.', ' He lives in Los Angeles.']],
        ]),
      ]),
    );
    expect(await loadHotpotqaCorpus(file)).toEqual([
      { id: 'Ed Wood', title: 'Ed Wood', text: 'Ed Wood was a filmmaker. He was American.' },
      { id: 'Tea', title: 'Tea', text: 'Tea is a drink.' },
      { id: 'Scott Derrickson', title: 'Scott Derrickson', text: 'Scott Derrickson is a director. He lives in Los Angeles.' },
    ]);
  });

  it('reports the JSON path of a malformed paragraph', async () => {
    const file = temp.write('bad.json', JSON.stringify([example([['Tea', ['ok']]]), example([['Tea', 'not a list']])]));
    await expect(loadHotpotqaCorpus(file)).rejects.toThrow(/bad\.json: \[1\]\.context\[0\]\[1\]: expected an array, got string/);
  });

  it('reports a syntax error with its line and column', async () => {
    const file = temp.write('broken.json', '[\n  {"context": [}\n]');
    await expect(loadHotpotqaCorpus(file)).rejects.toThrow(/broken\.json: line 2 column \d+: invalid JSON/);
  });

  it('rejects a file that is not an array of examples', async () => {
    const file = temp.write('object.json', '{"context": []}');
    await expect(loadHotpotqaCorpus(file)).rejects.toThrow(/object\.json: top level: expected an array, got an object/);
  });
});
