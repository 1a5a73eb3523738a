import { actionHash, outcomeVerdictKey, prefixHash, stepVerdictKey } from './verdict-keys';

describe('verdict cache keys', () => {
  const prefix = [{ role: 'user' as const, content: 'Question: 2+2?' }];
  const base = { judgeId: 'rules', judgeVersion: 'rules/1', samples: 1, prefixHash: prefixHash(prefix), actionHash: actionHash('<math_exp>2+2</math_exp>') };

  it('hashes prefixes by role and content, unambiguously', () => {
    expect(prefixHash(prefix)).toMatch(/^[0-9a-f]{64}$/);
    expect(prefixHash([{ role: 'user', content: 'ab' }])).not.toBe(prefixHash([{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }]));
    expect(prefixHash([{ role: 'user', content: 'x' }])).not.toBe(prefixHash([{ role: 'assistant', content: 'x' }]));
  });

  it('changes with every part of the identity of a verdict', () => {
    const key = stepVerdictKey(base);
    expect(stepVerdictKey({ ...base })).toBe(key);
    for (const change of [{ judgeId: 'llm' }, { judgeVersion: 'rules/2' }, { samples: 3 }, { actionHash: actionHash('x') }, { prefixHash: prefixHash([]) }, { family: 'math' as const }]) {
      expect(stepVerdictKey({ ...base, ...change })).not.toBe(key);
    }
  });

  it('keys outcome verdicts by grader, version, answers and threshold', () => {
    const o = { graderId: 'outcome-numeric', graderVersion: 'outcome/1', samples: 1, f1Threshold: 0.5, predicted: '10', golds: ['10'], question: '' };
    expect(outcomeVerdictKey(o)).toBe(outcomeVerdictKey({ ...o }));
    expect(outcomeVerdictKey({ ...o, golds: ['10', '11'] })).not.toBe(outcomeVerdictKey(o));
    expect(outcomeVerdictKey({ ...o, f1Threshold: 0.6 })).not.toBe(outcomeVerdictKey(o));
  });
});
