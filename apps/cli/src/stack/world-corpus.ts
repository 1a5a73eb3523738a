import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateWorld } from '@swirl/world';

/**
 * Writes the synthetic world's articles (seeded, so the same seed gives the same file) as the
 * JSONL corpus the tools service searches. Kept if present: generation is deterministic.
 */
export function ensureWorldCorpus(path: string, seed: number): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const world = generateWorld({ seed });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, world.corpus.map((article) => JSON.stringify(article)).join('\n') + '\n');
  renameSync(temp, path);
  return path;
}
