import type { SearchDocument } from '../corpus/search-document';

/** A handful of short paragraphs with distinct vocabulary, for ranking and cache tests. */
export const SAMPLE_DOCUMENTS: readonly SearchDocument[] = [
  { id: 'ed-wood', title: 'Ed Wood', text: 'Edward Davis Wood Jr. was an American filmmaker, actor, and author, known for low-budget films.' },
  { id: 'scott-derrickson', title: 'Scott Derrickson', text: 'Scott Derrickson is an American director, screenwriter and producer. He lives in Los Angeles, California.' },
  { id: 'woodson', title: 'Woodson, Arkansas', text: 'Woodson is a census-designated place in Pulaski County, Arkansas. Its population was 403 at the 2010 census.' },
  { id: 'doctor-strange', title: 'Doctor Strange (2016 film)', text: 'Doctor Strange is a 2016 American superhero film directed by Scott Derrickson.' },
  { id: 'tea', title: 'Tea', text: 'Tea is an aromatic beverage prepared by pouring hot water over cured leaves of the tea plant.' },
];
