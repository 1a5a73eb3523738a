import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATA_DIR_ENV, resolveDataDir, resolveDataPath } from './data-dir';
import { defaultCacheDir } from './default-cache-dir';
import { findRepoRoot } from './repo-root';

describe('data and cache directories', () => {
  const repoRoot = findRepoRoot();

  it('finds the repo root by its nx.json', () => {
    expect(existsSync(join(repoRoot, 'nx.json'))).toBe(true);
    expect(resolve(__dirname).startsWith(repoRoot)).toBe(true);
    expect(() => findRepoRoot(tmpdir())).toThrow(/no nx\.json/);
  });

  it('defaults the data dir to <repo root>/../shared/data', () => {
    expect(resolveDataDir({ env: {} })).toBe(resolve(repoRoot, '..', 'shared', 'data'));
  });

  it(`prefers ${DATA_DIR_ENV}, and an explicit dataDir over both`, () => {
    expect(resolveDataDir({ env: { [DATA_DIR_ENV]: '/srv/data' } })).toBe('/srv/data');
    expect(resolveDataDir({ env: { [DATA_DIR_ENV]: '  ' } })).toBe(resolve(repoRoot, '..', 'shared', 'data'));
    expect(resolveDataDir({ dataDir: '/explicit', env: { [DATA_DIR_ENV]: '/srv/data' } })).toBe('/explicit');
  });

  it('resolves corpus paths against the data dir unless absolute', () => {
    expect(resolveDataPath('/data', 'hotpotqa/x.json')).toBe('/data/hotpotqa/x.json');
    expect(resolveDataPath('/data', '/elsewhere/x.json')).toBe('/elsewhere/x.json');
  });

  it('puts the default cache under <repo root>/var/search-index', () => {
    expect(defaultCacheDir()).toBe(join(repoRoot, 'var', 'search-index'));
  });
});
