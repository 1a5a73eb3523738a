import { SPLITS, type EntityPool, type Split } from '../knowledge/entities';
import { generateEntityPool } from '../knowledge/generate-entities';
import { NameGenerator } from '../knowledge/name-generator';
import { writeArticles, type Article } from '../knowledge/write-article';
import { generateMathQuestions } from '../math/generate-math-questions';
import { generateMultihopQuestions } from '../multihop/generate-multihop-questions';
import { SeededRandom } from '../random/seeded-random';
import { resolveWorldConfig, type WorldConfig, type WorldOptions } from './world-options';
import type { Family, WorldQuestion } from './world-question';

/** A generated world: the search corpus and the questions of every split and family. */
export interface World {
  readonly config: WorldConfig;
  /** Articles of ALL splits, so search works the same whichever split is being solved. */
  readonly corpus: readonly Article[];
  readonly pools: Readonly<Record<Split, EntityPool>>;
  /** The questions of a split, of one family or (without `family`) multihop then math. */
  questions(split: Split, family?: Family): readonly WorldQuestion[];
  /** A question by id, or undefined. */
  question(id: string): WorldQuestion | undefined;
}

/** Builds the whole world from `options.seed`; the same options always give the same world. */
export function generateWorld(options: WorldOptions = {}): World {
  const config = resolveWorldConfig(options);
  const root = new SeededRandom(config.seed);
  // One name generator for all pools: names are unique across splits, not just within one.
  const names = new NameGenerator(root.fork('entity-names'));
  const pools = {} as Record<Split, EntityPool>;
  const corpus: Article[] = [];
  const bySplit = new Map<string, readonly WorldQuestion[]>();
  for (const split of SPLITS) {
    pools[split] = generateEntityPool(split, config.entities[split], root.fork(`${split}-entities`), names);
    corpus.push(...writeArticles(pools[split], root.fork(`${split}-articles`)));
    bySplit.set(`${split}/multihop`, Object.freeze(generateMultihopQuestions(split, pools[split], config.sizes[split], root.fork(`${split}-multihop`))));
    bySplit.set(`${split}/math`, Object.freeze(generateMathQuestions(split, config.sizes[split], root.fork(`${split}-math`))));
  }
  const byId = new Map([...bySplit.values()].flat().map((q) => [q.id, q]));
  return Object.freeze({
    config,
    corpus: Object.freeze(corpus),
    pools: Object.freeze(pools),
    questions(split: Split, family?: Family) {
      if (family) return bySplit.get(`${split}/${family}`) ?? [];
      return [...(bySplit.get(`${split}/multihop`) ?? []), ...(bySplit.get(`${split}/math`) ?? [])];
    },
    question: (id: string) => byId.get(id),
  });
}
