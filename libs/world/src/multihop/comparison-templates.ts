import type { SeededRandom } from '../random/seeded-random';
import type { Hop } from '../world/world-question';
import { birthYearHop, companyHop, hop, person } from './hops';
import type { MultihopDraft, MultihopTemplate } from './multihop-template';

// Comparison questions: look up the same attribute of two entities and name the one that wins.

function comparison<T extends { id: string; name: string }>(
  random: SeededRandom,
  items: readonly T[],
  question: (a: T, b: T) => string,
  value: (item: T) => number,
  wins: 'smaller' | 'larger',
  hopOf: (item: T) => Hop,
  because: string,
): MultihopDraft | undefined {
  if (items.length < 2) return undefined;
  const [a, b] = random.sample(items, 2);
  // A tie has no right answer; the caller draws again.
  if (value(a) === value(b)) return undefined;
  const winner = (value(a) < value(b)) === (wins === 'smaller') ? a : b;
  const loser = winner === a ? b : a;
  return {
    question: question(a, b),
    answer: winner.name,
    hops: [hopOf(a), hopOf(b)],
    answerReasoning: `${winner.name} ${because} (${value(winner)} vs ${value(loser)}).`,
    distractors: [loser.name],
  };
}

export const olderPerson: MultihopTemplate = {
  id: 'older-person',
  kind: 'comparison',
  heldOut: false,
  build: (pool, random) =>
    comparison(random, pool.people, (a, b) => `Who was born first, ${a.name} or ${b.name}?`, (p) => p.birthYear, 'smaller', (p) =>
      hop(`I need the birth year of ${p.name}.`, `${p.name} born`, p.name, String(p.birthYear)), 'was born first'),
};

export const largerCity: MultihopTemplate = {
  id: 'larger-city',
  kind: 'comparison',
  heldOut: false,
  build: (pool, random) =>
    comparison(random, pool.cities, (a, b) => `Which city has more people, ${a.name} or ${b.name}?`, (c) => c.population, 'larger', (c) =>
      hop(`I need the population of ${c.name}.`, `${c.name} population`, c.name, String(c.population)), 'has more people'),
};

export const olderCompany: MultihopTemplate = {
  id: 'older-company',
  kind: 'comparison',
  heldOut: false,
  build: (pool, random) =>
    comparison(random, pool.companies, (a, b) => `Which company was founded earlier, ${a.name} or ${b.name}?`, (c) => c.foundedYear, 'smaller', (c) =>
      hop(`I need the founding year of ${c.name}.`, `${c.name} founded`, c.name, String(c.foundedYear)), 'was founded earlier'),
};

/** Held out of train. */
export const tallerMountain: MultihopTemplate = {
  id: 'taller-mountain',
  kind: 'comparison',
  heldOut: true,
  build: (pool, random) =>
    comparison(random, pool.mountains, (a, b) => `Which mountain is taller, ${a.name} or ${b.name}?`, (m) => m.height, 'larger', (m) =>
      hop(`I need the height of ${m.name}.`, `${m.name} height`, m.name, String(m.height)), 'is taller'),
};

/** Held out of train: a comparison of bridges, four searches (both founders, then both birth years). */
export const olderFounder: MultihopTemplate = {
  id: 'older-founder',
  kind: 'comparison',
  heldOut: true,
  build(pool, random) {
    const [a, b] = random.sample(pool.companies, 2);
    const [pa, pb] = [person(pool, a.founderId), person(pool, b.founderId)];
    if (pa.birthYear === pb.birthYear) return undefined;
    const [winner, loser] = pa.birthYear < pb.birthYear ? [a, b] : [b, a];
    return {
      question: `The founder of which company was born first, ${a.name} or ${b.name}?`,
      answer: winner.name,
      hops: [companyHop(a, pa), companyHop(b, pb), birthYearHop(pa), birthYearHop(pb)],
      answerReasoning: `${pa.name} was born in ${pa.birthYear} and ${pb.name} in ${pb.birthYear}, so the founder of ${winner.name} was born first.`,
      distractors: [loser.name],
    };
  },
};
