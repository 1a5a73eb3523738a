import { createCorpus } from '../corpus/create-corpus';
import { Bm25Index } from '../index/bm25-index';
import { resolveIndexConfig } from '../index/index-options';
import { SAMPLE_DOCUMENTS } from '../testing/sample-documents.test-support';
import { CorpusSearcher } from './corpus-searcher';
import type { SearcherOptions } from './searcher-options';

function sampleSearcher(options?: SearcherOptions): CorpusSearcher {
  const corpus = createCorpus('sample', SAMPLE_DOCUMENTS);
  const provenance = { fromCache: false, rebuildReason: 'cache-disabled' as const, buildMs: 0, cacheLoadMs: 0 };
  return new CorpusSearcher(corpus, Bm25Index.build(corpus.documents, resolveIndexConfig()), provenance, options);
}

describe('CorpusSearcher', () => {
  const searcher = sampleSearcher();

  it('returns ranked hits with title, score and snippet', () => {
    const outcome = searcher.search('Who directed Doctor Strange?', { topK: 2 });
    expect(outcome.kind).toBe('hits');
    expect(outcome.queryTerms).toEqual(['directed', 'doctor', 'strange']);
    expect(outcome.hits[0]).toEqual({
      docId: 'doctor-strange',
      title: 'Doctor Strange (2016 film)',
      score: expect.any(Number),
      snippet: 'Doctor Strange is a 2016 American superhero film directed by Scott Derrickson.',
      rank: 1,
    });
    expect(outcome.hits.map((h) => h.rank)).toEqual([1, 2].slice(0, outcome.hits.length));
  });

  it('returns the default number of hits (5) and clamps topK to the maximum', () => {
    const small = sampleSearcher({ defaultTopK: 2, maxTopK: 3 });
    expect(small.search('american tea census film').hits).toHaveLength(2);
    expect(small.search('american tea census film', { topK: 50 }).hits).toHaveLength(3);
    expect(searcher.config).toEqual({ defaultTopK: 5, maxTopK: 50, snippetChars: 240 });
  });

  it('rejects a topK that is not a positive integer', () => {
    expect(() => searcher.search('tea', { topK: 0 })).toThrow(RangeError);
    expect(() => searcher.search('tea', { topK: 2.5 })).toThrow(RangeError);
  });

  it.each([
    ['', 'blank'],
    ['   \n\t', 'blank'],
    ['what is the?', 'no-search-terms'],
    ['?!', 'no-search-terms'],
  ])('reports an empty query for %j instead of throwing', (query, reason) => {
    expect(searcher.search(query)).toEqual({ kind: 'empty-query', query, reason, queryTerms: [], hits: [] });
  });

  it('returns no hits (not an empty-query outcome) when nothing matches', () => {
    expect(searcher.search('zebra')).toEqual({ kind: 'hits', query: 'zebra', queryTerms: ['zebra'], hits: [] });
  });

  it('looks documents up by id', () => {
    expect(searcher.getDocument('tea')?.title).toBe('Tea');
    expect(searcher.getDocument('missing')).toBeUndefined();
    expect(searcher.documentCount).toBe(SAMPLE_DOCUMENTS.length);
  });
});
