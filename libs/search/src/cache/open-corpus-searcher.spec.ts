import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCorpus } from '../corpus/create-corpus';
import { SAMPLE_DOCUMENTS } from '../testing/sample-documents.test-support';
import { createTempDir } from '../testing/temp-dir.test-support';
import { cacheFilePath } from './index-cache';
import { openCorpusSearcher } from './open-corpus-searcher';

describe('openCorpusSearcher', () => {
  const temp = createTempDir();
  afterAll(() => temp.cleanup());
  const corpus = createCorpus('sample', SAMPLE_DOCUMENTS);
  let dirCount = 0;
  const freshCacheDir = () => join(temp.dir, `cache-${dirCount++}`);
  const topIds = (searcher: Awaited<ReturnType<typeof openCorpusSearcher>>) => searcher.search('american film director').hits.map((h) => h.docId);

  it('builds and writes the cache on the first open, then reads it on the second', async () => {
    const cacheDir = freshCacheDir();
    const first = await openCorpusSearcher(corpus, { cacheDir });
    expect(first.provenance).toMatchObject({ fromCache: false, rebuildReason: 'no-cache-file', cacheFile: cacheFilePath(cacheDir, 'sample') });
    expect(first.provenance.cacheWriteError).toBeUndefined();
    expect(existsSync(cacheFilePath(cacheDir, 'sample'))).toBe(true);
    // The write went through a temp file that was renamed away.
    expect(readdirSync(cacheDir)).toEqual(['sample.search-index']);

    const second = await openCorpusSearcher(corpus, { cacheDir });
    expect(second.provenance).toMatchObject({ fromCache: true, buildMs: 0 });
    expect(second.provenance.rebuildReason).toBeUndefined();
    expect(topIds(second)).toEqual(topIds(first));
  });

  it('rebuilds when the documents changed (different content hash)', async () => {
    const cacheDir = freshCacheDir();
    await openCorpusSearcher(corpus, { cacheDir });
    const changed = createCorpus('sample', [...SAMPLE_DOCUMENTS, { id: 'new', title: 'Zebra', text: 'Zebras are striped.' }]);
    const reopened = await openCorpusSearcher(changed, { cacheDir });
    expect(reopened.provenance).toMatchObject({ fromCache: false, rebuildReason: 'stale-cache' });
    expect(reopened.search('zebra').hits[0]?.docId).toBe('new');
    // ...and the rewritten cache now matches the new content.
    expect((await openCorpusSearcher(changed, { cacheDir })).provenance.fromCache).toBe(true);
  });

  it('rebuilds when the tokeniser settings changed', async () => {
    const cacheDir = freshCacheDir();
    await openCorpusSearcher(corpus, { cacheDir });
    const reopened = await openCorpusSearcher(corpus, { cacheDir, index: { tokenizer: { removeStopWords: false } } });
    expect(reopened.provenance).toMatchObject({ fromCache: false, rebuildReason: 'stale-cache' });
  });

  it.each([
    ['garbage', () => 'not json at all\n\n'],
    ['an empty file', () => ''],
    ['a truncated file', (valid: string) => valid.slice(0, Math.floor(valid.length / 2))],
    ['a damaged index section', (valid: string) => valid.replace(/\n([^\n]*)\n$/, '\n{"broken": true}\n')],
    ['tampered documents', (valid: string) => valid.replace('low-budget', 'big-budget')],
  ])('rebuilds instead of crashing on %s, and repairs the cache', async (_label, damage) => {
    const cacheDir = freshCacheDir();
    await openCorpusSearcher(corpus, { cacheDir });
    const file = cacheFilePath(cacheDir, 'sample');
    writeFileSync(file, damage(readFileSync(file, 'utf8')));

    const reopened = await openCorpusSearcher(corpus, { cacheDir });
    expect(reopened.provenance).toMatchObject({ fromCache: false, rebuildReason: 'corrupt-cache', cacheProblem: expect.any(String) });
    expect(topIds(reopened)).toContain('scott-derrickson');
    expect((await openCorpusSearcher(corpus, { cacheDir })).provenance.fromCache).toBe(true);
  });

  it('still returns a working searcher when the cache cannot be written', async () => {
    const blocker = temp.write('not-a-dir', 'a file where the cache dir should be');
    const searcher = await openCorpusSearcher(corpus, { cacheDir: join(blocker, 'cache') });
    expect(searcher.provenance.fromCache).toBe(false);
    expect(searcher.provenance.cacheWriteError).toEqual(expect.any(String));
    expect(topIds(searcher)).toContain('scott-derrickson');
  });

  it('builds in memory when caching is off', async () => {
    const searcher = await openCorpusSearcher(corpus, { cacheDir: false });
    expect(searcher.provenance).toMatchObject({ fromCache: false, rebuildReason: 'cache-disabled' });
    expect(searcher.provenance.cacheFile).toBeUndefined();
  });

  it('keeps one cache file per corpus name, with unsafe characters replaced', () => {
    expect(cacheFilePath('/c', 'hotpotqa-dev')).toBe(join('/c', 'hotpotqa-dev.search-index'));
    expect(cacheFilePath('/c', '../evil name')).toBe(join('/c', '.._evil_name.search-index'));
  });
});
