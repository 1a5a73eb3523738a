import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheOutputs } from '../model/decoder-graph';

const REPO = join(__dirname, '..', '..', '..', '..');
const LEARNER = join(REPO, 'apps', 'learner');
const PYTHON = join(process.env['SWIRL_VENV'] ?? join(REPO, '.venv'), 'bin', 'python');

/**
 * A tiny randomly initialised decoder exported by the learner's own export code (the format
 * contract between learner and inference), cached under var/ by a hash of that code so it is
 * rebuilt whenever the exporter changes. `cacheOutputs` picks the graph signature: `new` is what
 * the learner exports swirl decoders in, `present` the Hugging Face convention.
 */
export function tinyDecoderDir(seed = 1, cacheOutputs: CacheOutputs = 'new'): string {
  if (!existsSync(PYTHON)) throw new Error(`no Python venv at ${PYTHON}: run tools/python/ensure-venv.sh (npm test does)`);
  const hash = createHash('sha256');
  const pkg = join(LEARNER, 'swirl_learner');
  for (const f of readdirSync(pkg).filter((f) => f.endsWith('.py')).sort()) hash.update(f).update(readFileSync(join(pkg, f)));
  const dir = join(REPO, 'var', 'test-fixtures', `tiny-decoder-${seed}-${cacheOutputs}-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'reference.json'))) {
    execFileSync(PYTHON, ['-m', 'swirl_learner', 'export-fixture', '--out', dir, '--seed', String(seed), '--cache-outputs', cacheOutputs], { cwd: LEARNER, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

export interface TinyReference {
  prompt_token_ids: number[][];
  greedy_token_ids: number[][];
  tolerance: number;
  calls: { input_ids: number[][]; attention_mask: number[][]; position_ids: number[][]; logits: number[][][] }[];
  messages: { role: string; content: string }[][];
  prompts: string[];
}

export function readReference(dir: string): TinyReference {
  return JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));
}
