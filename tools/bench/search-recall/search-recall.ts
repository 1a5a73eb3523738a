/**
 * Retrieval recall of @swirl/search on the pooled evaluation paragraphs, plus index build time
 * versus cache-load time. Run from the repo root:
 *
 *   node -r @swc-node/register tools/bench/search-recall/search-recall.ts [options]
 *
 * Options: --dataset hotpotqa|musique|all (default all), --no-stop-words, --title-boost N,
 * --k N, --b N, --rounds N (timing repetitions, median reported; default 5). The data dir is $SWIRL_DATA_DIR or
 * <repo root>/../shared/data. Cache files go to a fresh temp dir that is removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createCorpus,
  hotpotqaGoldQuestions,
  loadHotpotqaCorpus,
  loadMusiqueCorpus,
  measureRetrievalRecall,
  musiqueGoldQuestions,
  openCorpusSearcher,
  resolveDataDir,
  type CorpusSearcher,
  type GoldQuestion,
  type IndexOptions,
  type SearchDocument,
} from '../../../libs/search/src/index';
import { readJsonFile } from '../../../libs/search/src/loaders/read-json-file';

interface Dataset {
  readonly name: string;
  readonly file: string;
  load(file: string): Promise<{ documents: SearchDocument[]; questions: GoldQuestion[] }>;
}

const DATASETS: readonly Dataset[] = [
  {
    name: 'hotpotqa',
    file: 'hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json',
    load: async (file) => ({ documents: await loadHotpotqaCorpus(file), questions: hotpotqaGoldQuestions(await readJsonFile(file), file) }),
  },
  {
    name: 'musique',
    file: 'musique/musique_qa_100.json',
    load: async (file) => {
      const documents = await loadMusiqueCorpus(file);
      return { documents, questions: musiqueGoldQuestions(await readJsonFile(file), file, documents) };
    },
  },
];

const CUTOFFS = [1, 5, 10];

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`.padStart(7);

async function timeIndex(documents: SearchDocument[], name: string, index: IndexOptions, rounds: number) {
  const cacheDir = await mkdtemp(join(tmpdir(), 'search-recall-'));
  try {
    const corpus = createCorpus(name, documents);
    const builds: number[] = [];
    const loads: number[] = [];
    let searcher: CorpusSearcher | undefined;
    for (let round = 0; round < rounds; round++) {
      // Fresh cache dir per round: the first open builds and writes, the second reads it back.
      const roundDir = join(cacheDir, String(round));
      const built = await openCorpusSearcher(corpus, { cacheDir: roundDir, index });
      const loaded = await openCorpusSearcher(corpus, { cacheDir: roundDir, index });
      if (built.provenance.fromCache || !loaded.provenance.fromCache) throw new Error('cache did not behave as expected');
      builds.push(built.provenance.buildMs);
      loads.push(loaded.provenance.cacheLoadMs);
      searcher = loaded;
    }
    return { searcher: searcher as CorpusSearcher, buildMs: median(builds), cacheLoadMs: median(loads) };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string', default: 'all' },
      'no-stop-words': { type: 'boolean', default: false },
      'title-boost': { type: 'string' },
      k: { type: 'string' },
      b: { type: 'string' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const index: IndexOptions = {
    tokenizer: { removeStopWords: !values['no-stop-words'] },
    ...(values['title-boost'] ? { titleBoost: Number(values['title-boost']) } : {}),
    bm25: { ...(values.k ? { k: Number(values.k) } : {}), ...(values.b ? { b: Number(values.b) } : {}) },
  };
  const dataDir = resolveDataDir();
  const selected = DATASETS.filter((d) => values.dataset === 'all' || d.name === values.dataset);
  if (selected.length === 0) throw new Error(`unknown --dataset '${values.dataset}'; use hotpotqa, musique or all`);

  print(`data dir: ${dataDir}`);
  print(`index options: ${JSON.stringify(index)}`);
  print();
  print('dataset   docs  questions  any@1   any@5   any@10  all@5   all@10 | build ms  cache-load ms  build/load');
  for (const dataset of selected) {
    const { documents, questions } = await dataset.load(join(dataDir, dataset.file));
    const timing = await timeIndex(documents, dataset.name, index, Math.max(1, Number(values.rounds)));
    const recall = measureRetrievalRecall(timing.searcher, questions, CUTOFFS);
    print(
      `${dataset.name.padEnd(9)}${String(documents.length).padStart(5)}${String(questions.length).padStart(11)} ` +
        `${percent(recall.anyGoldAt[1])} ${percent(recall.anyGoldAt[5])} ${percent(recall.anyGoldAt[10])} ` +
        `${percent(recall.allGoldAt[5])} ${percent(recall.allGoldAt[10])} |` +
        `${timing.buildMs.toFixed(1).padStart(9)}${timing.cacheLoadMs.toFixed(1).padStart(15)}${(timing.buildMs / timing.cacheLoadMs).toFixed(1).padStart(11)}x`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`search-recall failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
