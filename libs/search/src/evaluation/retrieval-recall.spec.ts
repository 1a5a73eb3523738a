import { openCorpusSearcher } from '../cache/open-corpus-searcher';
import { createCorpus } from '../corpus/create-corpus';
import { SAMPLE_DOCUMENTS } from '../testing/sample-documents.test-support';
import { hotpotqaGoldQuestions, musiqueGoldQuestions } from './gold-questions';
import { measureRetrievalRecall } from './retrieval-recall';

describe('measureRetrievalRecall', () => {
  it('counts questions with any and with all gold documents in the top k', async () => {
    const searcher = await openCorpusSearcher(createCorpus('sample', SAMPLE_DOCUMENTS), { cacheDir: false });
    const recall = measureRetrievalRecall(
      searcher,
      [
        { question: 'Which director made Doctor Strange?', goldDocIds: ['doctor-strange', 'scott-derrickson'] },
        { question: 'hot beverage leaves', goldDocIds: ['tea', 'woodson'] },
        { question: 'zebra', goldDocIds: ['tea'] },
      ],
      [1, 5],
    );
    expect(recall.questions).toBe(3);
    expect(recall.anyGoldAt[1]).toBeCloseTo(2 / 3);
    expect(recall.allGoldAt[5]).toBeCloseTo(1 / 3);
    expect(recall.allGoldAt[1]).toBe(0);
  });
});

describe('gold questions', () => {
  it('take HotPotQA gold titles from supporting_facts, once each', () => {
    const json = [{ question: 'q?', supporting_facts: [['A', 0], ['A', 2], ['B', 1]], context: [] }];
    expect(hotpotqaGoldQuestions(json, 'dev.json')).toEqual([{ question: 'q?', goldDocIds: ['A', 'B'] }]);
  });

  it('map MuSiQue supporting paragraphs to corpus ids, and complain about unknown ones', () => {
    const documents = [
      { id: 'Publix', title: 'Publix', text: 'First.' },
      { id: 'Publix#2', title: 'Publix', text: 'Second.' },
    ];
    const paragraphs = [
      { title: 'Publix', paragraph_text: 'First.', is_supporting: false },
      { title: 'Publix', paragraph_text: 'Second.', is_supporting: true },
    ];
    expect(musiqueGoldQuestions([{ question: 'q?', paragraphs }], 'm.json', documents)).toEqual([{ question: 'q?', goldDocIds: ['Publix#2'] }]);
    const unknown = [{ question: 'q?', paragraphs: [{ title: 'X', paragraph_text: 'x', is_supporting: true }] }];
    expect(() => musiqueGoldQuestions(unknown, 'm.json', documents)).toThrow(/m\.json: \[0\]\.paragraphs\[0\]: supporting paragraph is not in the corpus/);
  });
});
