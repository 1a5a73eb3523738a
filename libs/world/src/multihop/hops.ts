import { entityOf, type City, type Company, type Country, type EntityPool, type Person } from '../knowledge/entities';
import type { SeededRandom } from '../random/seeded-random';
import type { Hop } from '../world/world-question';

// Shared pieces of the multi-hop templates: entity lookups, the searches that recur across
// templates, and distractor helpers.
export const city = (pool: EntityPool, id: string) => entityOf<City>(pool, id, 'city');
export const country = (pool: EntityPool, id: string) => entityOf<Country>(pool, id, 'country');
export const person = (pool: EntityPool, id: string) => entityOf<Person>(pool, id, 'person');

export const hop = (reasoning: string, query: string, title: string, reveals: string): Hop => ({ reasoning, query, title, reveals });
export const companyHop = (c: Company, founder: Person) => hop(`I need to find who founded ${c.name}.`, `${c.name} founder`, c.name, founder.name);
export const birthYearHop = (p: Person) => hop(`Now I need the birth year of ${p.name}.`, `${p.name} born`, p.name, String(p.birthYear));
export const birthCityHop = (p: Person, c: City) => hop(`I need to find where ${p.name} was born.`, `${p.name} birthplace`, p.name, c.name);
export const cityCountryHop = (c: City, k: Country) => hop(`Now I need the country of ${c.name}.`, `${c.name} country`, c.name, k.name);

export function otherNames<T extends { id: string; name: string }>(random: SeededRandom, items: readonly T[], exclude: T, count: number): string[] {
  return random.sample(items.filter((item) => item.id !== exclude.id), Math.min(count, items.length - 1)).map((item) => item.name);
}

export function nearbyYears(random: SeededRandom, year: number): string[] {
  return [year - random.int(1, 9), year + random.int(1, 9), year + random.int(10, 30)].map(String);
}
