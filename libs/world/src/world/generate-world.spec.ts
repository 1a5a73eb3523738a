import { SPLITS } from '../knowledge/entities';
import { MATH_TEMPLATES } from '../math/math-templates';
import { MULTIHOP_TEMPLATES } from '../multihop/multihop-templates';
import { sharedWorld } from '../testing/shared-world.test-support';
import { generateWorld } from './generate-world';
import { resolveWorldConfig } from './world-options';
import { FAMILIES } from './world-question';

const SMALL = { sizes: { train: 60, dev: 20, test: 20 } };

describe('generateWorld', () => {
  const { world } = sharedWorld();

  it('has the default question counts per split and family', () => {
    expect(world.config.sizes).toEqual({ train: 2000, dev: 300, test: 300 });
    for (const split of SPLITS) for (const family of FAMILIES) expect(world.questions(split, family)).toHaveLength(world.config.sizes[split]);
    expect(world.questions('dev')).toHaveLength(600);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = generateWorld({ seed: 7, ...SMALL });
    const b = generateWorld({ seed: 7, ...SMALL });
    const c = generateWorld({ seed: 8, ...SMALL });
    const dump = (w: typeof a) => JSON.stringify([w.corpus, w.questions('train'), w.questions('dev'), w.questions('test')]);
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toBe(dump(c));
  });

  it('gives unique ids, titles and question texts', () => {
    const titles = world.corpus.map((a) => a.title);
    expect(new Set(titles).size).toBe(titles.length);
    const questions = SPLITS.flatMap((s) => world.questions(s));
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(questions.map((q) => q.question)).size).toBe(questions.length);
    expect(world.question(questions[5].id)).toBe(questions[5]);
    expect(world.question('nope')).toBeUndefined();
  });

  it('keeps every split to its own entities', () => {
    const splitOfTitle = new Map(SPLITS.flatMap((split) => [...world.pools[split].byId.values()].map((e) => [e.name, split] as const)));
    for (const split of SPLITS) {
      for (const question of world.questions(split, 'multihop')) {
        for (const title of question.supportingTitles) expect(splitOfTitle.get(title)).toBe(split);
      }
    }
    // And the corpus holds all of them, so search works for every split.
    expect(world.corpus.length).toBe(splitOfTitle.size);
  });

  it('holds some templates out of train and uses them in dev and test', () => {
    const heldOut = new Set([...MULTIHOP_TEMPLATES, ...MATH_TEMPLATES].filter((t) => t.heldOut).map((t) => t.id));
    expect(heldOut.size).toBeGreaterThanOrEqual(4);
    expect(world.questions('train').filter((q) => heldOut.has(q.template))).toEqual([]);
    for (const split of ['dev', 'test'] as const) {
      const used = new Set(world.questions(split).map((q) => q.template));
      for (const id of heldOut) expect(used).toContain(id);
    }
  });

  it('fails clearly when a split has too few entities for its questions', () => {
    const tiny = { countries: 2, cities: 2, people: 2, companies: 2, mountains: 2 };
    expect(() => generateWorld({ sizes: { train: 500, dev: 0, test: 0 }, entities: { train: tiny } })).toThrow(/could not draw 500 distinct multihop/);
  });
});

describe('resolveWorldConfig', () => {
  it('fills defaults and rejects bad values', () => {
    expect(resolveWorldConfig().seed).toBe(1);
    expect(resolveWorldConfig({ entities: { dev: { people: 99 } } }).entities.dev.people).toBe(99);
    expect(() => resolveWorldConfig({ seed: -1 })).toThrow(RangeError);
    expect(() => resolveWorldConfig({ sizes: { train: 1.5 } })).toThrow(RangeError);
    expect(() => resolveWorldConfig({ entities: { test: { cities: 1 } } })).toThrow(RangeError);
  });
});
