import { createTempDir } from '../testing/temp-dir.test-support';
import { loadTitleTextCorpus } from './load-title-text-corpus';

describe('loadTitleTextCorpus', () => {
  const temp = createTempDir();
  afterAll(() => temp.cleanup());

  it('reads an array of {title, text}, suffixing ids of repeated titles and dropping exact repeats', async () => {
    const file = temp.write(
      'corpus.json',
      JSON.stringify([
        { title: 'Publix', text: 'Publix is a grocery chain.' },
        { title: 'Tea', text: 'Tea is a drink.' },
        { title: 'Publix', text: 'Publix is employee-owned.' },
        { title: 'Tea', text: 'Tea is a drink.' },
      ]),
    );
    expect(await loadTitleTextCorpus(file)).toEqual([
      { id: 'Publix', title: 'Publix', text: 'Publix is a grocery chain.' },
      { id: 'Tea', title: 'Tea', text: 'Tea is a drink.' },
      { id: 'Publix#2', title: 'Publix', text: 'Publix is employee-owned.' },
    ]);
  });

  it('reads an object mapping titles to sentence lists or texts', async () => {
    const file = temp.write('map.json', JSON.stringify({ 'Demon Dice': ['Demon Dice is a game.', ' It uses dice.'], Tea: 'Tea is a drink.' }));
    expect(await loadTitleTextCorpus(file)).toEqual([
      { id: 'Demon Dice', title: 'Demon Dice', text: 'Demon Dice is a game. It uses dice.' },
      { id: 'Tea', title: 'Tea', text: 'Tea is a drink.' },
    ]);
  });

  it('names the element and field that is wrong', async () => {
    const file = temp.write('bad.json', JSON.stringify([{ title: 'A', text: 'a' }, { title: 'B', body: 'b' }]));
    await expect(loadTitleTextCorpus(file)).rejects.toThrow(/bad\.json: \[1\]\.text: missing field/);
  });

  it('names the title whose sentence list is wrong', async () => {
    const file = temp.write('badmap.json', JSON.stringify({ Tea: ['ok', 5] }));
    await expect(loadTitleTextCorpus(file)).rejects.toThrow(/badmap\.json: \["Tea"\]\[1\]: expected a string, got number 5/);
  });
});
