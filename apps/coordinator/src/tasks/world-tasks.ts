import { DEFAULT_WORLD_SIZES, FAMILIES, generateWorld, type Family, type Split, type World, type WorldQuestion } from '@swirl/world';
import type { Task } from './task';
import { TaskSourceError } from './task-source-error';

export interface WorldTaskOptions {
  readonly seed: number;
  /** train, dev, test, or heldout (= test). */
  readonly split: string;
  readonly count: number;
  /** undefined: both families, alternating. */
  readonly family: Family | undefined;
  /** Name under which the tools service serves this world's corpus. */
  readonly corpus: string;
}

const SPLIT_ALIASES: Readonly<Record<string, Split>> = { train: 'train', dev: 'dev', test: 'test', heldout: 'test' };

/**
 * Worlds by seed and size. Generating one takes about half a second; a job's StartJob and its
 * run need the same one, so the last few are kept.
 */
const cache = new Map<string, World>();
function worldOf(seed: number, split: Split, perFamily: number): World {
  const size = Math.max(DEFAULT_WORLD_SIZES[split], perFamily);
  const key = `${seed}/${split}/${size}`;
  let world = cache.get(key);
  if (world === undefined) {
    // Growing one split's size leaves the corpus and the other questions unchanged (the
    // generator is prefix-stable), so the tools service's corpus of this seed still matches.
    world = generateWorld({ seed, sizes: { [split]: size } });
    cache.set(key, world);
    if (cache.size > 4) cache.delete(cache.keys().next().value!);
  }
  return world;
}

/** Questions of the synthetic world: one family, or both alternating (multihop first). */
export function loadWorldTasks(options: WorldTaskOptions): Task[] {
  const split = SPLIT_ALIASES[options.split];
  if (split === undefined) throw TaskSourceError.invalid(`synthetic_world.split must be one of ${Object.keys(SPLIT_ALIASES).join(', ')}, got "${options.split}"`);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw TaskSourceError.invalid(`synthetic_world.seed must be a 32-bit unsigned integer, got ${options.seed}`);
  }
  const families = options.family === undefined ? FAMILIES : [options.family];
  const perFamily = Math.ceil(options.count / families.length);
  const world = worldOf(options.seed, split, perFamily);
  const lists = families.map((f) => world.questions(split, f));
  const picked: WorldQuestion[] = [];
  for (let i = 0; picked.length < options.count; i++) {
    for (const list of lists) if (picked.length < options.count) picked.push(list[i]!);
  }
  return picked.map((q) => ({
    id: `world-${options.seed}/${split}/${q.id}`,
    source: 'world',
    family: q.family,
    question: q.question,
    goldAnswers: [q.answer],
    dataset: 'synthetic-world',
    split,
    // Every family searches the world's encyclopedia: a policy may search during a math problem.
    corpus: options.corpus,
    metadata: { template: q.template, supporting_titles: [...q.supportingTitles], world_seed: options.seed },
  }));
}
