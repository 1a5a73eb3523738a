import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './data-files.test-support';

export { DATA_DIR, GSM8K_TEST, GSM8K_TRAIN, HOTPOT_DEV, HOTPOT_DISTRACTOR, readDataJson, readDataJsonl } from './data-files.test-support';

const allowMissing = process.env['SWIRL_ALLOW_MISSING_DATA'] === '1';

/**
 * `describe` when the data files exist; otherwise the suite fails with a message naming
 * SWIRL_DATA_DIR (or, with SWIRL_ALLOW_MISSING_DATA=1, is skipped with a warning).
 */
export function describeWithData(files: readonly string[], name: string, body: () => void): void {
  const missing = files.filter((f) => !existsSync(join(DATA_DIR, f)));
  if (missing.length > 0 && allowMissing) {
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED "${name}": ${missing.join(', ')} not found under ${DATA_DIR} (SWIRL_DATA_DIR)`);
    describe.skip(name, body);
    return;
  }
  describe(name, () => {
    it('has its data files', () => {
      if (missing.length > 0) throw new Error(`missing ${missing.join(', ')} under ${DATA_DIR}: set SWIRL_DATA_DIR to the shared data dir, or SWIRL_ALLOW_MISSING_DATA=1 to skip`);
    });
    if (missing.length === 0) body();
  });
}
