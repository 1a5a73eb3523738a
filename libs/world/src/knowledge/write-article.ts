import type { SeededRandom } from '../random/seeded-random';
import { entityOf, type City, type Country, type Entity, type EntityPool, type Person } from './entities';

/** A search-corpus document: what `@swirl/search` indexes and the `jsonl` corpus format stores. */
export interface Article {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/**
 * Longest article text. The search tool's snippets hold up to 240 characters, so a whole
 * article fits in one hit and every fact it states is visible in the observation.
 */
export const MAX_ARTICLE_CHARS = 240;

/** "a chemist", "an engineer". */
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

type Phrasings = readonly ((...parts: string[]) => string)[];

// Several phrasings per fact, so the policy must read rather than copy a fixed position.
const IS_CITY_IN: Phrasings = [(x, c) => `${x} is a city in ${c}.`, (x, c) => `${x} is a town located in ${c}.`, (x, c) => `The city of ${x} lies in ${c}.`];
const POPULATION: Phrasings = [(x, p) => `It has a population of ${p}.`, (x, p) => `${x} is home to ${p} people.`, (x, p) => `About ${p} people live in ${x}.`];
const CITY_FOUNDED: Phrasings = [(x, y) => `${x} was founded in ${y}.`, (x, y) => `The settlement dates from ${y}.`];
const CAPITAL: Phrasings = [(c, x) => `${c} is a country whose capital is ${x}.`, (c, x) => `The capital of the country ${c} is ${x}.`];
const INDEPENDENCE: Phrasings = [(c, y) => `${c} became independent in ${y}.`, (c, y) => `It gained independence in ${y}.`];
const LANGUAGE: Phrasings = [(c, l) => `The official language is ${l}.`, (c, l) => `Most people in ${c} speak ${l}.`];
const BORN: Phrasings = [
  (n, y, x) => `${n} was born in ${y} in ${x}.`,
  (n, y, x) => `${n} (born ${y}) is a native of ${x}.`,
  (n, y, x) => `Born in ${x} in ${y}, ${n} grew up there.`,
];
const OCCUPATION: Phrasings = [(n, o) => `${n} worked as ${withArticle(o)}.`, (n, o) => `${n} is known as ${withArticle(o)}.`];
const FOUNDED_BY: Phrasings = [
  (co, i, y, p) => `${co} is ${withArticle(i)} company founded in ${y} by ${p}.`,
  (co, i, y, p) => `${p} founded the ${i} company ${co} in ${y}.`,
  (co, i, y, p) => `${co}, ${withArticle(i)} firm, was established by ${p} in ${y}.`,
];
const HEADQUARTERS: Phrasings = [(co, x) => `Its headquarters are in ${x}.`, (co, x) => `${co} is headquartered in ${x}.`];
const MOUNTAIN: Phrasings = [(m, c) => `${m} is a mountain in ${c}.`, (m, c) => `${m} is a peak located in ${c}.`];
const HEIGHT: Phrasings = [(m, h) => `It rises ${h} metres above sea level.`, (m, h) => `${m} is ${h} metres high.`];

function sentences(random: SeededRandom, ...facts: [Phrasings, string[]][]): string {
  return facts.map(([phrasings, parts]) => random.pick(phrasings)(...parts)).join(' ');
}

function nameOf(pool: EntityPool, id: string): string {
  const entity = pool.byId.get(id);
  if (!entity) throw new Error(`unknown entity '${id}'`);
  return entity.name;
}

function textOf(entity: Entity, pool: EntityPool, random: SeededRandom): string {
  switch (entity.type) {
    case 'country':
      return sentences(
        random,
        [CAPITAL, [entity.name, nameOf(pool, entity.capitalId)]],
        [INDEPENDENCE, [entity.name, String(entity.independenceYear)]],
        [LANGUAGE, [entity.name, entity.language]],
      );
    case 'city':
      return sentences(
        random,
        [IS_CITY_IN, [entity.name, nameOf(pool, entity.countryId)]],
        [POPULATION, [entity.name, String(entity.population)]],
        [CITY_FOUNDED, [entity.name, String(entity.foundedYear)]],
      );
    case 'person':
      return sentences(
        random,
        [BORN, [entity.name, String(entity.birthYear), entityOf<City>(pool, entity.birthCityId, 'city').name]],
        [OCCUPATION, [entity.name.split(' ')[1], entity.occupation]],
      );
    case 'company':
      return sentences(
        random,
        [FOUNDED_BY, [entity.name, entity.industry, String(entity.foundedYear), entityOf<Person>(pool, entity.founderId, 'person').name]],
        [HEADQUARTERS, [entity.name, nameOf(pool, entity.headquartersId)]],
      );
    case 'mountain':
      return sentences(
        random,
        [MOUNTAIN, [entity.name, entityOf<Country>(pool, entity.countryId, 'country').name]],
        [HEIGHT, [entity.name, String(entity.height)]],
      );
  }
}

/** The article about one entity: title = its name, text = its attributes and relations. */
export function writeArticle(entity: Entity, pool: EntityPool, random: SeededRandom): Article {
  const text = textOf(entity, pool, random);
  if (text.length > MAX_ARTICLE_CHARS) throw new Error(`article '${entity.name}' is ${text.length} characters, over ${MAX_ARTICLE_CHARS}`);
  return { id: entity.id, title: entity.name, text };
}

/** Articles of every entity of a pool, in a fixed order (countries, cities, people, companies, mountains). */
export function writeArticles(pool: EntityPool, random: SeededRandom): Article[] {
  const entities: Entity[] = [...pool.countries, ...pool.cities, ...pool.people, ...pool.companies, ...pool.mountains];
  return entities.map((entity) => writeArticle(entity, pool, random));
}

