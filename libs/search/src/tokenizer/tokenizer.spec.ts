import { normalizeWord, resolveTokenizerConfig, tokenize, wordSpans } from './tokenizer';

describe('tokenize', () => {
  const config = resolveTokenizerConfig();

  it('lower-cases, strips punctuation and keeps numbers', () => {
    expect(tokenize('Doctor Strange (2016): "Marvel" film, 1.355!', config)).toEqual(['doctor', 'strange', '2016', 'marvel', 'film', '1', '355']);
  });

  it('removes stop words, including contraction leftovers', () => {
    expect(tokenize("Who was the director of Ed Wood's film?", config)).toEqual(['director', 'ed', 'wood', 'film']);
  });

  it('keeps stop words when told to', () => {
    expect(tokenize('The Who', resolveTokenizerConfig({ removeStopWords: false }))).toEqual(['the', 'who']);
  });

  it('folds accents so plain-ASCII queries match', () => {
    expect(tokenize('Alû Émile Zürich', config)).toEqual(['alu', 'emile', 'zurich']);
    expect(normalizeWord('Ångström')).toBe('angstrom');
  });

  it('splits hyphenated and slashed words', () => {
    expect(tokenize('census-designated AC/DC', config)).toEqual(['census', 'designated', 'ac', 'dc']);
  });

  it('returns nothing for blank, punctuation-only or stop-word-only text', () => {
    expect(tokenize('   ', config)).toEqual([]);
    expect(tokenize('?!…', config)).toEqual([]);
    expect(tokenize('What is the', config)).toEqual([]);
  });

  it('keeps repeats, which BM25 counts as term frequency', () => {
    expect(tokenize('tea tea Tea', config)).toEqual(['tea', 'tea', 'tea']);
  });
});

describe('wordSpans', () => {
  it('reports offsets into the original text, stop words included', () => {
    const text = 'The Alû river.';
    const spans = wordSpans(text);
    expect(spans.map((s) => s.term)).toEqual(['the', 'alu', 'river']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['The', 'Alû', 'river']);
  });
});
