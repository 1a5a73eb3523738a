import { createTempDir } from '../testing/temp-dir.test-support';
import { loadMusiqueCorpus } from './load-musique-corpus';

const paragraph = (idx: number, title: string, text: string, isSupporting = false) => ({ idx, title, paragraph_text: text, is_supporting: isSupporting });

describe('loadMusiqueCorpus', () => {
  const temp = createTempDir();
  afterAll(() => temp.cleanup());

  it('pools paragraphs of all examples, deduplicating by title and text', async () => {
    const file = temp.write(
      'musique.json',
      JSON.stringify([
        { id: '2hop__1_2', question: 'q1?', paragraphs: [paragraph(0, 'Child labour', 'Child labour in the Industrial Revolution.', true), paragraph(1, 'Tea', 'Tea is a drink.')] },
        { id: '2hop__3_4', question: 'q2?', paragraphs: [paragraph(0, 'Tea', 'Tea is a drink.'), paragraph(1, 'Child labour', 'The ILO convention 182.')] },
      ]),
    );
    expect(await loadMusiqueCorpus(file)).toEqual([
      { id: 'Child labour', title: 'Child labour', text: 'Child labour in the Industrial Revolution.' },
      { id: 'Tea', title: 'Tea', text: 'Tea is a drink.' },
      { id: 'Child labour#2', title: 'Child labour', text: 'The ILO convention 182.' },
    ]);
  });

  it('names the example, paragraph and field that is wrong', async () => {
    const file = temp.write('bad.json', JSON.stringify([{ paragraphs: [paragraph(0, 'A', 'a')] }, { paragraphs: [{ idx: 0, title: 'B', text: 'b' }] }]));
    await expect(loadMusiqueCorpus(file)).rejects.toThrow(/bad\.json: \[1\]\.paragraphs\[0\]\.paragraph_text: missing field/);
  });

  it('rejects an example without a paragraph list', async () => {
    const file = temp.write('nolist.json', JSON.stringify([{ id: 'x' }]));
    await expect(loadMusiqueCorpus(file)).rejects.toThrow(/nolist\.json: \[0\]\.paragraphs: expected an array, got undefined/);
  });
});
