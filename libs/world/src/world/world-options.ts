import { SPLITS, type EntityCounts, type Split } from '../knowledge/entities';

export interface WorldOptions {
  /** Seed of everything in the world (32-bit unsigned integer). @default 1 */
  seed?: number;
  /**
   * Questions per split, for each family (so the world holds twice this many per split).
   * @default { train: 2000, dev: 300, test: 300 }
   */
  sizes?: Partial<Record<Split, number>>;
  /**
   * Entities per split. Each split has its own pool, so held-out questions are about entities
   * never seen in train.
   * @default train: 30 countries, 200 cities, 600 people, 300 companies, 120 mountains;
   *          dev and test: 12, 60, 150, 80 and 40
   */
  entities?: Partial<Record<Split, Partial<EntityCounts>>>;
}

export interface WorldConfig {
  readonly seed: number;
  readonly sizes: Readonly<Record<Split, number>>;
  readonly entities: Readonly<Record<Split, EntityCounts>>;
}

export const DEFAULT_WORLD_SIZES: Readonly<Record<Split, number>> = Object.freeze({ train: 2000, dev: 300, test: 300 });

const TRAIN_ENTITIES: EntityCounts = Object.freeze({ countries: 30, cities: 200, people: 600, companies: 300, mountains: 120 });
const HELD_OUT_ENTITIES: EntityCounts = Object.freeze({ countries: 12, cities: 60, people: 150, companies: 80, mountains: 40 });
export const DEFAULT_ENTITY_COUNTS: Readonly<Record<Split, EntityCounts>> = Object.freeze({ train: TRAIN_ENTITIES, dev: HELD_OUT_ENTITIES, test: HELD_OUT_ENTITIES });

function count(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

export function resolveWorldConfig(options: WorldOptions = {}): WorldConfig {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a 32-bit unsigned integer, got ${seed}`);
  const sizes = {} as Record<Split, number>;
  const entities = {} as Record<Split, EntityCounts>;
  for (const split of SPLITS) {
    sizes[split] = count(`sizes.${split}`, options.sizes?.[split] ?? DEFAULT_WORLD_SIZES[split], 0);
    const given = { ...DEFAULT_ENTITY_COUNTS[split], ...options.entities?.[split] };
    // Two of each type is the least any comparison question needs.
    entities[split] = Object.freeze({
      countries: count(`entities.${split}.countries`, given.countries, 2),
      cities: count(`entities.${split}.cities`, given.cities, 2),
      people: count(`entities.${split}.people`, given.people, 2),
      companies: count(`entities.${split}.companies`, given.companies, 2),
      mountains: count(`entities.${split}.mountains`, given.mountains, 2),
    });
  }
  return Object.freeze({ seed, sizes: Object.freeze(sizes), entities: Object.freeze(entities) });
}
