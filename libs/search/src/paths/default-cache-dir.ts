import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

/** Default index cache directory, `<repo root>/var/search-index` (`/var/` is git-ignored). */
export function defaultCacheDir(): string {
  return join(findRepoRoot(), 'var', 'search-index');
}
