import { SAMPLE_DOCUMENTS } from '../testing/sample-documents.test-support';
import { createCorpus, InvalidCorpusError } from './create-corpus';

describe('createCorpus', () => {
  it('fingerprints the documents with a stable sha256', () => {
    const a = createCorpus('sample', SAMPLE_DOCUMENTS);
    const b = createCorpus('other-name', SAMPLE_DOCUMENTS.map((d) => ({ ...d })));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('changes the hash when content, order or field boundaries change', () => {
    const base = createCorpus('c', [{ id: '1', title: 'ab', text: 'c' }]).contentHash;
    expect(createCorpus('c', [{ id: '1', title: 'a', text: 'bc' }]).contentHash).not.toBe(base);
    expect(createCorpus('c', [{ id: '1', title: 'ab', text: 'C' }]).contentHash).not.toBe(base);
    const docs = SAMPLE_DOCUMENTS.slice(0, 2);
    expect(createCorpus('c', docs).contentHash).not.toBe(createCorpus('c', [...docs].reverse()).contentHash);
  });

  it('freezes the corpus and copies only the document fields', () => {
    const corpus = createCorpus('c', [{ id: '1', title: 't', text: 'x', extra: true } as never]);
    expect(Object.isFrozen(corpus.documents)).toBe(true);
    expect(corpus.documents[0]).toEqual({ id: '1', title: 't', text: 'x' });
  });

  it('rejects duplicate ids', () => {
    expect(() => createCorpus('c', [SAMPLE_DOCUMENTS[0], SAMPLE_DOCUMENTS[0]])).toThrow(InvalidCorpusError);
  });
});
