import { parseCorpusList } from './parse-corpus-list';

describe('parseCorpusList', () => {
  it('accepts standard names and name=format:path entries', () => {
    expect(parseCorpusList(['hotpotqa-dev', 'world=jsonl:/data/world.jsonl'])).toEqual([
      { name: 'hotpotqa-dev', source: { format: 'hotpotqa-distractor', path: 'hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json' } },
      { name: 'world', source: { format: 'jsonl', path: '/data/world.jsonl' } },
    ]);
  });

  it.each([
    [[], /at least one corpus/],
    [['wikipedia'], /"wikipedia" is not a standard corpus \(hotpotqa-dev, /],
    [['w=jsonl'], /must look like name=format:path/],
    [['w=xml:a.xml'], /unknown format "xml"; formats: jsonl, hotpotqa-distractor/],
  ])('rejects %j', (entries, message) => {
    expect(() => parseCorpusList(entries)).toThrow(message);
  });
});
