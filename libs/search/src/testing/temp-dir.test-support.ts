import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory per test file; call `cleanup` in `afterAll`. */
export function createTempDir(prefix = 'swirl-search-'): { dir: string; write(name: string, content: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = join(dir, name);
      writeFileSync(file, content, 'utf8');
      return file;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
