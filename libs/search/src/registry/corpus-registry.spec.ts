import { join } from 'node:path';
import { CorpusSourceError } from '../loaders/corpus-source-error';
import { createTempDir } from '../testing/temp-dir.test-support';
import { STANDARD_CORPORA, type CorpusDefinition } from './corpus-definition';
import { CorpusNotFoundError } from './corpus-not-found-error';
import { createCorpusRegistry } from './corpus-registry';

describe('createCorpusRegistry', () => {
  const temp = createTempDir();
  afterAll(() => temp.cleanup());
  temp.write('tea.jsonl', '{"title": "Tea", "text": "Tea is an aromatic beverage."}\n{"title": "Coffee", "text": "Coffee is brewed from roasted beans."}\n');
  const absoluteFile = temp.write('musique.json', JSON.stringify([{ paragraphs: [{ title: 'Publix', paragraph_text: 'Publix is a grocery chain.' }] }]));
  const corpora: CorpusDefinition[] = [
    { name: 'drinks', source: { format: 'jsonl', path: 'tea.jsonl' } },
    { name: 'shops', source: { format: 'musique', path: absoluteFile } },
    { name: 'missing', source: { format: 'jsonl', path: 'missing.jsonl' } },
  ];
  const registry = (cacheDir: string | false = false) => createCorpusRegistry({ corpora, dataDir: temp.dir, cacheDir });

  it('serves searchers by name, resolving relative paths against the data dir', async () => {
    const reg = registry();
    expect(reg.names).toEqual(['drinks', 'shops', 'missing']);
    const drinks = await reg.get('drinks');
    expect(drinks.search('aromatic', { topK: 1 }).hits[0]).toMatchObject({ docId: '1', title: 'Tea', rank: 1 });
    expect((await reg.get('shops')).search('grocery').hits[0]?.docId).toBe('Publix');
  });

  it('loads each corpus once, sharing concurrent requests', async () => {
    const reg = registry();
    const [a, b] = await Promise.all([reg.get('drinks'), reg.get('drinks')]);
    expect(a).toBe(b);
    expect(await reg.get('drinks')).toBe(a);
  });

  it('rejects unknown names with a typed error listing the known ones', async () => {
    const error = await registry().get('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusNotFoundError);
    expect(error).toMatchObject({ corpusName: 'nope', knownNames: ['drinks', 'shops', 'missing'] });
    expect((error as Error).message).toBe("unknown corpus 'nope'; known corpora: drinks, shops, missing");
    expect(() => registry().definition('nope')).toThrow(CorpusNotFoundError);
  });

  it('reports a missing source file, and retries on the next call', async () => {
    const reg = registry();
    await expect(reg.get('missing')).rejects.toThrow(CorpusSourceError);
    temp.write('missing.jsonl', '{"title": "Late", "text": "Arrived after the first attempt."}\n');
    expect((await reg.get('missing')).documentCount).toBe(1);
  });

  it('preloads every corpus eagerly and uses the cache dir', async () => {
    const cacheDir = join(temp.dir, 'cache');
    const searchers = await registry(cacheDir).preload(['drinks', 'shops']);
    expect(searchers.map((s) => s.provenance.fromCache)).toEqual([false, false]);
    const again = await registry(cacheDir).preload(['drinks', 'shops']);
    expect(again.map((s) => s.provenance.fromCache)).toEqual([true, true]);
  });

  it('validates declarations up front', () => {
    const bad = (defs: unknown) => () => createCorpusRegistry({ corpora: defs as CorpusDefinition[], dataDir: temp.dir, cacheDir: false });
    expect(bad([corpora[0], corpora[0]])).toThrow(/declared twice/);
    expect(bad([{ name: 'x', source: { format: 'csv', path: 'x.csv' } }])).toThrow(/unknown format 'csv'/);
    expect(bad([{ name: '', source: { format: 'jsonl', path: 'x' } }])).toThrow(/without a name/);
  });

  it('serves the standard corpora by default, with the documented defaults', () => {
    const reg = createCorpusRegistry({ dataDir: temp.dir, cacheDir: false });
    expect(reg.names).toEqual(STANDARD_CORPORA.map((c) => c.name));
    expect(reg.names).toContain('hotpotqa-dev');
    expect(reg.config.searcher).toEqual({ defaultTopK: 5, maxTopK: 50, snippetChars: 240 });
    expect(Object.isFrozen(reg.config)).toBe(true);
  });
});
