import { SAMPLE_DOCUMENTS } from '../testing/sample-documents.test-support';
import { Bm25Index } from './bm25-index';
import { indexFingerprint, resolveIndexConfig } from './index-options';

describe('Bm25Index', () => {
  const config = resolveIndexConfig();
  const index = Bm25Index.build(SAMPLE_DOCUMENTS, config);

  it('ranks the document sharing the rarest terms first', () => {
    const results = index.search(['derrickson', 'director'], 5);
    expect(results[0].id).toBe('scott-derrickson');
    expect(results.map((r) => r.id)).toContain('doctor-strange');
    expect(results[0].matchedTerms).toEqual(expect.arrayContaining(['derrickson', 'director']));
  });

  it('boosts title matches', () => {
    const docs = [
      { id: 'mentions', title: 'Harbour', text: 'The lighthouse stands at the end of the pier.' },
      { id: 'about', title: 'Lighthouse', text: 'A tower that guides ships at night with its lamp.' },
    ];
    expect(Bm25Index.build(docs, config).search(['lighthouse'], 2).map((r) => r.id)).toEqual(['about', 'mentions']);
    const unboosted = Bm25Index.build(docs, resolveIndexConfig({ titleBoost: 0.1 }));
    expect(unboosted.search(['lighthouse'], 2)[0].id).toBe('mentions');
  });

  it('returns nothing for no terms or unknown terms, and honours the limit', () => {
    expect(index.search([], 5)).toEqual([]);
    expect(index.search(['zzzz'], 5)).toEqual([]);
    expect(index.search(['american'], 2)).toHaveLength(2);
  });

  it('round-trips through serialisation with identical results', () => {
    const restored = Bm25Index.deserialize(index.serialize(), config);
    expect(restored.documentCount).toBe(SAMPLE_DOCUMENTS.length);
    expect(restored.search(['american', 'film'], 5)).toEqual(index.search(['american', 'film'], 5));
  });

  it('throws when deserialising something that is not an index', () => {
    expect(() => Bm25Index.deserialize('{"nope": 1}', config)).toThrow();
  });
});

describe('index options', () => {
  it('fill in documented defaults and freeze them', () => {
    const config = resolveIndexConfig();
    expect(config).toEqual({ tokenizer: { removeStopWords: true }, titleBoost: 2, bm25: { k: 1.2, b: 0.7, d: 0.5 } });
    expect(Object.isFrozen(config) && Object.isFrozen(config.bm25)).toBe(true);
  });

  it('reject nonsense values', () => {
    expect(() => resolveIndexConfig({ titleBoost: 0 })).toThrow(RangeError);
    expect(() => resolveIndexConfig({ bm25: { k: -1 } })).toThrow(RangeError);
  });

  it('fingerprint tokeniser settings but not scoring knobs', () => {
    const base = indexFingerprint(resolveIndexConfig());
    expect(indexFingerprint(resolveIndexConfig({ titleBoost: 5, bm25: { b: 0.4 } }))).toBe(base);
    expect(indexFingerprint(resolveIndexConfig({ tokenizer: { removeStopWords: false } }))).not.toBe(base);
  });
});
