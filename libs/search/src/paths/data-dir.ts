import { isAbsolute, join, resolve } from 'node:path';
import { findRepoRoot } from './repo-root';

/** Environment variable that points at the shared data directory. */
export const DATA_DIR_ENV = 'SWIRL_DATA_DIR';

export interface DataDirOptions {
  /** Explicit data directory; wins over the environment. */
  dataDir?: string;
  /** Environment to read {@link DATA_DIR_ENV} from. @default process.env */
  env?: NodeJS.ProcessEnv;
}

/**
 * Where the datasets live: `dataDir`, else `$SWIRL_DATA_DIR`, else `<repo root>/../shared/data`
 * (the data sits beside the checkout and is never copied into it).
 */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const fromEnv = (options.env ?? process.env)[DATA_DIR_ENV];
  if (options.dataDir) return resolve(options.dataDir);
  if (fromEnv && fromEnv.trim()) return resolve(fromEnv.trim());
  return resolve(findRepoRoot(), '..', 'shared', 'data');
}

/** Resolves a corpus path: absolute paths stay, relative ones are taken from the data dir. */
export function resolveDataPath(dataDir: string, path: string): string {
  return isAbsolute(path) ? path : join(dataDir, path);
}

/** Default index cache directory, `<repo root>/var/search-index` (git-ignored). */
export function defaultCacheDir(): string {
  return join(findRepoRoot(), 'var', 'search-index');
}
