import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  throw new Error(`no nx.json above ${__dirname}`);
}

/** The shared benchmark data: $SWIRL_DATA_DIR, else <repo>/../shared/data (never copied into the repo). */
export const DATA_DIR = process.env['SWIRL_DATA_DIR']?.trim() || resolve(repoRoot(), '..', 'shared', 'data');

export function readDataJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
}

export function readDataJsonl<T>(file: string): T[] {
  return readFileSync(join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);
}

export const HOTPOT_DISTRACTOR = 'hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json';
export const GSM8K_TEST = 'gsm8k/test.jsonl';
export const GSM8K_TRAIN = 'gsm8k/train.jsonl';
export const HOTPOT_DEV = 'hotpotqa/hotpot_dev_v1_simplified.json';
