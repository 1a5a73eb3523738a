import { SPLITS } from './entities';
import { sharedWorld } from '../testing/shared-world.test-support';
import { MAX_ARTICLE_CHARS } from './write-article';

describe('writeArticles', () => {
  const { world } = sharedWorld();

  it('writes one short article per entity, titled with its name', () => {
    for (const article of world.corpus) {
      expect(article.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
      const sentences = article.text.split(/(?<=\.) /);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(5);
    }
  });

  it('states the attributes and relations of its entity', () => {
    for (const split of SPLITS) {
      const pool = world.pools[split];
      const text = (id: string) => world.corpus.find((a) => a.id === id)?.text ?? '';
      const company = pool.companies[0];
      expect(text(company.id)).toContain(pool.byId.get(company.founderId)?.name);
      expect(text(company.id)).toContain(String(company.foundedYear));
      expect(text(company.id)).toContain(pool.byId.get(company.headquartersId)?.name);
      const person = pool.people[0];
      expect(text(person.id)).toContain(String(person.birthYear));
      expect(text(person.id)).toContain(pool.byId.get(person.birthCityId)?.name);
      const city = pool.cities[3];
      expect(text(city.id)).toContain(String(city.population));
      expect(text(city.id)).toContain(pool.byId.get(city.countryId)?.name);
    }
  });

  it('varies the phrasing', () => {
    const openings = new Set(world.pools.train.people.map((p) => world.corpus.find((a) => a.id === p.id)?.text.slice(0, 5)));
    expect(openings.size).toBeGreaterThan(1);
    expect(world.corpus.some((a) => /\ban (engineer|economist|architect|aerospace|energy)\b/.test(a.text))).toBe(true);
  });
});
