import { birthCountry, capitalPopulation, founderBirthCountry, founderBirthYear, headquartersCountry } from './bridge-templates';
import { largerCity, olderCompany, olderFounder, olderPerson, tallerMountain } from './comparison-templates';
import type { MultihopTemplate } from './multihop-template';

export type { MultihopDraft, MultihopTemplate } from './multihop-template';

/** Every multi-hop template. The order is part of the world: templates are drawn by index. */
export const MULTIHOP_TEMPLATES: readonly MultihopTemplate[] = Object.freeze([
  founderBirthYear,
  headquartersCountry,
  birthCountry,
  capitalPopulation,
  olderPerson,
  largerCity,
  olderCompany,
  founderBirthCountry,
  tallerMountain,
  olderFounder,
]);
