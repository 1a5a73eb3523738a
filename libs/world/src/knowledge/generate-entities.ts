import type { SeededRandom } from '../random/seeded-random';
import type { City, Company, Country, Entity, EntityCounts, EntityPool, Mountain, Person, Split } from './entities';
import type { NameGenerator } from './name-generator';

const OCCUPATIONS = ['chemist', 'engineer', 'painter', 'architect', 'physician', 'composer', 'economist', 'botanist', 'pilot', 'novelist'];
const INDUSTRIES = ['software', 'shipping', 'textile', 'steel', 'food', 'pharmaceutical', 'aerospace', 'furniture', 'energy', 'publishing'];
export const COMPANY_SUFFIXES = ['Systems', 'Industries', 'Works', 'Labs', 'Group', 'Holdings', 'Motors', 'Foods'];

function distinctInts(random: SeededRandom, count: number, min: number, max: number): number[] {
  // Distinct values keep comparison questions free of ties (years may tie; those draws are rejected).
  if (count > max - min + 1) throw new RangeError(`cannot draw ${count} distinct values in [${min}, ${max}]`);
  const values = new Set<number>();
  while (values.size < count) values.add(random.int(min, max));
  return [...values];
}

/**
 * One split's entities. Every city lies in one of the split's countries, every person was born
 * in one of its cities, and so on, so multi-hop chains never leave the split.
 */
export function generateEntityPool(split: Split, counts: EntityCounts, random: SeededRandom, names: NameGenerator): EntityPool {
  if (counts.cities < counts.countries) throw new RangeError(`${split}: need at least one city per country`);
  if (counts.people < counts.companies) throw new RangeError(`${split}: need at least one person per company`);
  const id = (prefix: string, i: number) => `${split}-${prefix}-${String(i).padStart(4, '0')}`;

  const countryIds = Array.from({ length: counts.countries }, (_, i) => id('country', i));
  const populations = distinctInts(random, counts.cities, 20_000, 4_000_000);
  // The first city of each country is its capital, so every country has one.
  const cities: City[] = populations.map((population, i) => ({
    type: 'city',
    id: id('city', i),
    name: names.word(),
    split,
    countryId: i < counts.countries ? countryIds[i] : random.pick(countryIds),
    population,
    foundedYear: random.int(900, 1850),
  }));
  const countries: Country[] = countryIds.map((countryId, i) => ({
    type: 'country',
    id: countryId,
    name: names.word(),
    split,
    capitalId: cities[i].id,
    independenceYear: random.int(1600, 1990),
    language: `${names.word()}ic`,
  }));
  const birthYears = Array.from({ length: counts.people }, () => random.int(1850, 1990));
  const people: Person[] = birthYears.map((birthYear, i) => ({
    type: 'person',
    id: id('person', i),
    name: `${names.word()} ${names.word()}`,
    split,
    birthYear,
    birthCityId: random.pick(cities).id,
    occupation: random.pick(OCCUPATIONS),
  }));
  // Founders are distinct people, so "the founder of X" names exactly one person.
  const founders = random.sample(people, counts.companies);
  const companies: Company[] = founders.map((founder, i) => ({
    type: 'company',
    id: id('company', i),
    name: `${names.word()} ${random.pick(COMPANY_SUFFIXES)}`,
    split,
    founderId: founder.id,
    headquartersId: random.pick(cities).id,
    // Founded in the founder's working life, never before their birth.
    foundedYear: Math.min(2020, founder.birthYear + random.int(22, 55)),
    industry: random.pick(INDUSTRIES),
  }));
  const heights = distinctInts(random, counts.mountains, 800, 8800);
  const mountains: Mountain[] = heights.map((height, i) => ({
    type: 'mountain',
    id: id('mountain', i),
    name: `Mount ${names.word()}`,
    split,
    countryId: random.pick(countryIds),
    height,
  }));

  const all: Entity[] = [...countries, ...cities, ...people, ...companies, ...mountains];
  return Object.freeze({ split, countries, cities, people, companies, mountains, byId: new Map(all.map((e) => [e.id, e])) });
}
