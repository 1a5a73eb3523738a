import { SPLITS } from '../knowledge/entities';
import { everyNth, sharedWorld } from '../testing/shared-world.test-support';
import { MULTIHOP_TEMPLATES } from './multihop-templates';

describe('multihop questions', () => {
  const { world, tools } = sharedWorld();
  const sample = SPLITS.flatMap((split) => everyNth(world.questions(split, 'multihop'), split === 'train' ? 4 : 1));

  it('need 2-4 searches, each finding its supporting article in the top 3 of the whole corpus', () => {
    for (const question of sample) {
      expect(question.hops.length).toBeGreaterThanOrEqual(2);
      expect(question.hops.length).toBeLessThanOrEqual(4);
      for (const hop of question.hops) {
        const titles = tools.search(hop.query).hits.map((h) => h.title);
        expect({ query: hop.query, top3: titles.slice(0, 3).includes(hop.title) }).toEqual({ query: hop.query, top3: true });
        // The fact the next step needs is visible in the observation itself.
        expect(tools.searchObservation(hop.query)).toContain(hop.reveals);
      }
    }
  });

  it('chain their hops: each search uses what the previous ones revealed, and the last facts give the answer', () => {
    for (const question of sample.filter((q) => q.template === 'founder-birth-year')) {
      expect(question.hops[1].query).toContain(question.hops[0].reveals);
      expect(question.answer).toBe(question.hops[1].reveals);
    }
  });

  it('carry the ideal plan: the searches, then the gold answer', () => {
    for (const question of sample) {
      expect(question.plan.map((a) => a.kind)).toEqual([...question.hops.map(() => 'search'), 'answer']);
      expect(question.plan[question.plan.length - 1]).toMatchObject({ kind: 'answer', answer: question.answer });
      expect(question.supportingTitles).toEqual(question.hops.map((h) => h.title));
      expect(question.distractors).not.toContain(question.answer);
    }
  });

  it('answer comparisons with the entity that wins', () => {
    for (const question of sample.filter((q) => q.template === 'larger-city')) {
      const [a, b] = question.hops.map((h) => Number(h.reveals));
      expect(question.answer).toBe(a > b ? question.hops[0].title : question.hops[1].title);
    }
  });

  it('use every template, bridge and comparison', () => {
    const used = new Set(sample.map((q) => q.template));
    for (const template of MULTIHOP_TEMPLATES) expect(used).toContain(template.id);
  });
});
