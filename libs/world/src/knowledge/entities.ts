/** The three disjoint parts of the world; each has its own entities and questions. */
export type Split = 'train' | 'dev' | 'test';
export const SPLITS: readonly Split[] = Object.freeze(['train', 'dev', 'test']);

export interface Country {
  readonly type: 'country';
  readonly id: string;
  readonly name: string;
  readonly split: Split;
  /** Id of the capital city. */
  readonly capitalId: string;
  readonly independenceYear: number;
  readonly language: string;
}

export interface City {
  readonly type: 'city';
  readonly id: string;
  readonly name: string;
  readonly split: Split;
  readonly countryId: string;
  readonly population: number;
  readonly foundedYear: number;
}

export interface Person {
  readonly type: 'person';
  readonly id: string;
  readonly name: string;
  readonly split: Split;
  readonly birthYear: number;
  readonly birthCityId: string;
  readonly occupation: string;
}

export interface Company {
  readonly type: 'company';
  readonly id: string;
  readonly name: string;
  readonly split: Split;
  readonly founderId: string;
  readonly headquartersId: string;
  readonly foundedYear: number;
  readonly industry: string;
}

export interface Mountain {
  readonly type: 'mountain';
  readonly id: string;
  readonly name: string;
  readonly split: Split;
  readonly countryId: string;
  /** Metres above sea level. */
  readonly height: number;
}

export type Entity = Country | City | Person | Company | Mountain;
export type EntityType = Entity['type'];

/** The entities of one split, by type, plus a lookup by id. */
export interface EntityPool {
  readonly split: Split;
  readonly countries: readonly Country[];
  readonly cities: readonly City[];
  readonly people: readonly Person[];
  readonly companies: readonly Company[];
  readonly mountains: readonly Mountain[];
  readonly byId: ReadonlyMap<string, Entity>;
}

/** How many entities of each type one split holds. */
export interface EntityCounts {
  readonly countries: number;
  readonly cities: number;
  readonly people: number;
  readonly companies: number;
  readonly mountains: number;
}

/** Looks up an entity of a known type; a miss is a generator bug. */
export function entityOf<T extends Entity>(pool: EntityPool, id: string, type: T['type']): T {
  const entity = pool.byId.get(id);
  if (!entity || entity.type !== type) throw new Error(`no ${type} with id '${id}' in the ${pool.split} pool`);
  return entity as T;
}
