import { renderSearchResult } from './render-search-result';
import type { SearchOutcome } from './search-outcome';

const hit = (rank: number, title: string, snippet: string) => ({ docId: `d${rank}`, title, snippet, score: 10 - rank, rank });

describe('renderSearchResult', () => {
  it('writes one `Title: snippet` line per hit, in rank order, without rank numbers', () => {
    const outcome: SearchOutcome = { kind: 'hits', query: 'berlin', queryTerms: ['berlin'], hits: [hit(1, 'Berlin', 'Capital of Germany.'), hit(2, 'Bonn', 'Former capital.')] };
    expect(renderSearchResult(outcome)).toEqual({ text: 'Berlin: Capital of Germany.\nBonn: Former capital.' });
  });

  it('says "no results" when nothing matched', () => {
    expect(renderSearchResult({ kind: 'hits', query: 'zzz', queryTerms: ['zzz'], hits: [] })).toEqual({ text: 'no results' });
  });

  it.each([
    ['blank', 'the query is empty: write the words to search for'],
    ['no-search-terms', 'the query has no searchable words: name the entity or fact to look up'],
  ] as const)('turns an empty query (%s) into an error the model can act on', (reason, error) => {
    expect(renderSearchResult({ kind: 'empty-query', query: ' ', reason, queryTerms: [], hits: [] })).toEqual({ text: `error: ${error}`, error });
  });
});
