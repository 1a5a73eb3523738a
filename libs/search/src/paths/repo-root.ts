import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root: the nearest directory at or above `from` that contains `nx.json`. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json found in ${from} or any parent directory; pass dataDir/cacheDir explicitly`);
    dir = parent;
  }
}
