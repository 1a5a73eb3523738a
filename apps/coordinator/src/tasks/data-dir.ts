import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TaskSourceError } from './task-source-error';

/** The benchmark data directory as configured, and whether the operator set it explicitly. */
export interface DataDir {
  readonly path: string;
  readonly explicit: boolean;
}

/** `configured` (flag or SWIRL_DATA_DIR), else `<repo>/../shared/data` beside the checkout. */
export function resolveDataDir(configured: string | undefined, from: string = __dirname): DataDir {
  if (configured !== undefined && configured.trim() !== '') return { path: resolve(configured.trim()), explicit: true };
  return { path: join(findRepoRoot(from), '..', 'shared', 'data'), explicit: false };
}

/** The path of a benchmark file inside the data directory, or the error that says what to fix. */
export function benchmarkFile(dataDir: DataDir, dataset: string, split: string, relative: string | undefined, knownSplits: readonly string[]): string {
  if (!existsSync(dataDir.path) || !statSync(dataDir.path).isDirectory()) {
    throw TaskSourceError.precondition(
      dataDir.explicit
        ? `the benchmark data directory ${dataDir.path} (SWIRL_DATA_DIR / --data-dir) does not exist`
        : `no benchmark data directory is configured: set SWIRL_DATA_DIR (or --data-dir) to the folder holding gsm8k/, hotpotqa/ and musique/ (the default ${dataDir.path} does not exist)`,
    );
  }
  if (relative === undefined) throw TaskSourceError.notFound(`${dataset} has no split "${split}"; splits: ${knownSplits.join(', ')}`);
  const file = join(dataDir.path, relative);
  if (!existsSync(file)) throw TaskSourceError.notFound(`${dataset} split "${split}" is not in the data directory: ${file} does not exist`);
  return file;
}

function findRepoRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}
