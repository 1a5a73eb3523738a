/**
 * Recall floors on the real evaluation data, read through the configurable data dir. Missing
 * data fails the suite, so a misconfigured CI cannot pass silently; set SWIRL_ALLOW_MISSING_DATA=1
 * to skip instead (with a message saying what was missing).
 *
 * Measured with the default index options (see tools/bench/search-recall/README.md):
 * HotPotQA any-gold@5 98.0%, MuSiQue any-gold@5 94.0%. The floors sit a little below that.
 */
import { existsSync } from 'node:fs';
import { readJsonFile } from '../loaders/read-json-file';
import { DATA_DIR_ENV, resolveDataPath } from '../paths/data-dir';
import { STANDARD_CORPORA } from '../registry/corpus-definition';
import { createCorpusRegistry } from '../registry/corpus-registry';
import { hotpotqaGoldQuestions, musiqueGoldQuestions } from './gold-questions';
import { measureRetrievalRecall } from './retrieval-recall';

const registry = createCorpusRegistry({ cacheDir: false });
const dataDir = registry.config.dataDir;
const missing = STANDARD_CORPORA.map((c) => resolveDataPath(dataDir, c.source.path)).filter((file) => !existsSync(file));
const allowMissing = process.env.SWIRL_ALLOW_MISSING_DATA === '1';

if (missing.length > 0 && allowMissing) {
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED real-data recall tests: ${missing.join(', ')} not found (data dir ${dataDir}; set ${DATA_DIR_ENV} to point at the shared data).`);
}

const describeWithData = missing.length > 0 && allowMissing ? describe.skip : describe;

describeWithData('retrieval recall on the real data', () => {
  it('has the data files', () => {
    if (missing.length > 0) {
      throw new Error(`missing data under ${dataDir}: ${missing.join(', ')}. Set ${DATA_DIR_ENV} to the shared data dir, or SWIRL_ALLOW_MISSING_DATA=1 to skip these tests.`);
    }
  });

  it('finds a gold HotPotQA paragraph in the top 5 for at least 95% of dev questions', async () => {
    const searcher = await registry.get('hotpotqa-dev');
    const file = resolveDataPath(dataDir, registry.definition('hotpotqa-dev').source.path);
    const questions = hotpotqaGoldQuestions(await readJsonFile(file), file);
    expect(questions).toHaveLength(300);
    expect(searcher.documentCount).toBe(2966);
    const recall = measureRetrievalRecall(searcher, questions, [5, 10]);
    expect(recall.anyGoldAt[5]).toBeGreaterThanOrEqual(0.95);
    expect(recall.allGoldAt[10]).toBeGreaterThanOrEqual(0.7);
  });

  it('finds a gold MuSiQue paragraph in the top 5 for at least 90% of the eval sample', async () => {
    const searcher = await registry.get('musique-dev');
    const file = resolveDataPath(dataDir, registry.definition('musique-dev').source.path);
    const questions = musiqueGoldQuestions(await readJsonFile(file), file, searcher.corpus.documents);
    expect(questions).toHaveLength(100);
    expect(measureRetrievalRecall(searcher, questions, [5]).anyGoldAt[5]).toBeGreaterThanOrEqual(0.9);
  });

  it('loads every standard corpus and answers a query from it', async () => {
    const searchers = await registry.preload();
    for (const searcher of searchers) {
      expect(searcher.documentCount).toBeGreaterThan(900);
      const first = searcher.corpus.documents[0];
      expect(searcher.search(first.title, { topK: 10 }).hits.map((h) => h.docId)).toContain(first.id);
    }
  });
});
