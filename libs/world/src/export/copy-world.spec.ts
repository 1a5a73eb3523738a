import { generateWorld } from '../world/generate-world';
import { copyWorldConversations, heldOutWords } from './copy-world';

const CAPITALISED_WORD = /[A-Z][a-z]+/g;
// Big held-out pools give the main world thousands of held-out words, so some copy-world
// trajectories are bound to mention one and the filter has work to do.
const BIG_HELD_OUT = { countries: 40, cities: 800, people: 3000, companies: 400, mountains: 200 };
const mainWorld = generateWorld({ seed: 1, sizes: { train: 10, dev: 10, test: 10 }, entities: { dev: BIG_HELD_OUT, test: BIG_HELD_OUT } });
const options = { seed: 7, questions: 60, entityScale: 2, trajectoriesPerQuestion: 2 };

describe('heldOutWords', () => {
  const words = heldOutWords(mainWorld);

  it('holds the invented words of dev and test names and languages, not template words', () => {
    const person = mainWorld.pools.test.people[0].name.split(' ');
    const country = mainWorld.pools.dev.countries[0];
    const company = mainWorld.pools.test.companies[0].name.split(' ');
    for (const word of [...person, country.name, country.language, company[0]]) expect(words.has(word)).toBe(true);
    expect(words.has(company[1])).toBe(false);
    expect(words.has('Mount')).toBe(false);
  });

  it('holds no word of a train name', () => {
    const train = mainWorld.pools.train.people.flatMap((p) => p.name.split(' '));
    expect(train.filter((w) => words.has(w))).toEqual([]);
  });
});

describe('copyWorldConversations', () => {
  const result = copyWorldConversations(mainWorld, options);

  it('renders multihop teacher conversations with prefixed ids', () => {
    expect(result.conversations.length).toBeGreaterThan(0);
    for (const c of result.conversations) {
      expect(c.family).toBe('multihop');
      expect(c.questionId).toMatch(/^copy-7\/train-multihop-\d{5}$/);
      expect(c.messages.map((m) => m.role).slice(0, 3)).toEqual(['system', 'user', 'assistant']);
    }
    expect(result.conversations.length + result.dropped).toBe(options.questions * options.trajectoriesPerQuestion);
  });

  it('scales the train entities and drops every conversation that names a held-out word', () => {
    expect(result.entities).toEqual({ countries: 60, cities: 400, people: 1200, companies: 600, mountains: 240 });
    expect(result.dropped).toBeGreaterThan(0);
    const forbidden = heldOutWords(mainWorld);
    const leaked = result.conversations.flatMap((c) => c.messages.flatMap((m) => m.content.match(CAPITALISED_WORD) ?? [])).filter((w) => forbidden.has(w));
    expect(leaked).toEqual([]);
  });

  it('is the same for the same options and differs for another seed', () => {
    expect(copyWorldConversations(mainWorld, options)).toEqual(result);
    expect(copyWorldConversations(mainWorld, { ...options, seed: 8 }).conversations).not.toEqual(result.conversations);
  });

  it('rejects the main world seed and out-of-range sizes', () => {
    expect(() => copyWorldConversations(mainWorld, { ...options, seed: 1 })).toThrow(/must differ from the main world/);
    expect(() => copyWorldConversations(mainWorld, { ...options, questions: 0 })).toThrow(/questions must be an integer >= 1/);
    expect(() => copyWorldConversations(mainWorld, { ...options, entityScale: 0.5 })).toThrow(/entityScale must be a number >= 1/);
    expect(() => copyWorldConversations(mainWorld, { ...options, trajectoriesPerQuestion: 0 })).toThrow(/trajectoriesPerQuestion/);
  });
});
