import { birthCityHop, birthYearHop, city, cityCountryHop, companyHop, country, hop, nearbyYears, otherNames, person } from './hops';
import type { MultihopTemplate } from './multihop-template';

// Bridge questions: the first search reveals the entity the next search is about.

export const founderBirthYear: MultihopTemplate = {
  id: 'founder-birth-year',
  kind: 'bridge',
  heldOut: false,
  build(pool, random) {
    const c = random.pick(pool.companies);
    const p = person(pool, c.founderId);
    return {
      question: `In what year was the founder of ${c.name} born?`,
      answer: String(p.birthYear),
      hops: [companyHop(c, p), birthYearHop(p)],
      answerReasoning: `${p.name}, the founder of ${c.name}, was born in ${p.birthYear}.`,
      distractors: nearbyYears(random, p.birthYear),
    };
  },
};

export const headquartersCountry: MultihopTemplate = {
  id: 'headquarters-country',
  kind: 'bridge',
  heldOut: false,
  build(pool, random) {
    const c = random.pick(pool.companies);
    const hq = city(pool, c.headquartersId);
    const k = country(pool, hq.countryId);
    return {
      question: `In which country is ${c.name} headquartered?`,
      answer: k.name,
      hops: [hop(`I need to find the headquarters of ${c.name}.`, `${c.name} headquarters`, c.name, hq.name), cityCountryHop(hq, k)],
      answerReasoning: `${c.name} is headquartered in ${hq.name}, which is in ${k.name}.`,
      distractors: otherNames(random, pool.countries, k, 3),
    };
  },
};

export const birthCountry: MultihopTemplate = {
  id: 'birth-country',
  kind: 'bridge',
  heldOut: false,
  build(pool, random) {
    const p = random.pick(pool.people);
    const born = city(pool, p.birthCityId);
    const k = country(pool, born.countryId);
    return {
      question: `In which country was ${p.name} born?`,
      answer: k.name,
      hops: [birthCityHop(p, born), cityCountryHop(born, k)],
      answerReasoning: `${p.name} was born in ${born.name}, which is in ${k.name}.`,
      distractors: otherNames(random, pool.countries, k, 3),
    };
  },
};

export const capitalPopulation: MultihopTemplate = {
  id: 'capital-population',
  kind: 'bridge',
  heldOut: false,
  build(pool, random) {
    const k = random.pick(pool.countries);
    const capital = city(pool, k.capitalId);
    return {
      question: `How many people live in the capital of ${k.name}?`,
      answer: String(capital.population),
      hops: [
        hop(`I need to find the capital of ${k.name}.`, `${k.name} capital`, k.name, capital.name),
        hop(`Now I need the population of ${capital.name}.`, `${capital.name} population`, capital.name, String(capital.population)),
      ],
      answerReasoning: `The capital of ${k.name} is ${capital.name}, with ${capital.population} people.`,
      distractors: pool.cities.filter((c) => c.id !== capital.id).slice(0, 3).map((c) => String(c.population)),
    };
  },
};

/** Held out of train: a three-hop chain company -> founder -> birth city -> country. */
export const founderBirthCountry: MultihopTemplate = {
  id: 'founder-birth-country',
  kind: 'bridge',
  heldOut: true,
  build(pool, random) {
    const c = random.pick(pool.companies);
    const p = person(pool, c.founderId);
    const born = city(pool, p.birthCityId);
    const k = country(pool, born.countryId);
    return {
      question: `In which country was the founder of ${c.name} born?`,
      answer: k.name,
      hops: [companyHop(c, p), birthCityHop(p, born), cityCountryHop(born, k)],
      answerReasoning: `${c.name} was founded by ${p.name}, who was born in ${born.name}, in ${k.name}.`,
      distractors: otherNames(random, pool.countries, k, 3),
    };
  },
};
