import { existsSync } from 'node:fs';
import { resolveDataDir, type DataDir } from '../tasks/data-dir';

/**
 * The benchmark data directory for tests (SWIRL_DATA_DIR or <repo>/../shared/data). When it is
 * missing the tests that need it fail with a message naming the variable, unless
 * SWIRL_ALLOW_MISSING_DATA=1 asks to skip them (and say so).
 */
export function testDataDir(): DataDir | undefined {
  const dir = resolveDataDir(process.env['SWIRL_DATA_DIR']);
  if (existsSync(dir.path)) return dir;
  const message = `benchmark data not found at ${dir.path}: set SWIRL_DATA_DIR to the folder with gsm8k/, hotpotqa/ and musique/`;
  if (process.env['SWIRL_ALLOW_MISSING_DATA'] === '1') {
    process.stderr.write(`SKIPPING tests that need real data: ${message}\n`);
    return undefined;
  }
  throw new Error(message);
}

/** `describe` when the data is there, `describe.skip` (announced on stderr) when it is allowed to be missing. */
export const describeWithData = (name: string, body: (dataDir: DataDir) => void): void => {
  const dir = testDataDir();
  if (dir === undefined) describe.skip(name, () => body({ path: '', explicit: false }));
  else describe(name, () => body(dir));
};
