import { answerNumber, matchAnswer, normalizeAnswer, numbersEqual, tokenOverlap } from './answer-metrics';
import { gradeAnswer } from './grade-answer';

describe('answer metrics', () => {
  it('normalises like SQuAD: case, punctuation, articles, whitespace', () => {
    expect(normalizeAnswer('  The  Eiffel-Tower!  ')).toBe('eiffel tower');
    expect(normalizeAnswer('An apple a day')).toBe('apple day');
  });

  it('computes token precision, recall and F1 on normalised tokens', () => {
    expect(tokenOverlap('the Eiffel Tower in Paris', 'Eiffel Tower')).toEqual({ precision: 2 / 4, recall: 1, f1: 2 / 3 });
    expect(tokenOverlap('Paris', 'London')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(tokenOverlap('a', 'the')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(tokenOverlap('x x y', 'x y y').f1).toBeCloseTo(2 / 3);
  });

  it('reads numbers through currency signs, separators, trailing zeros and unit words', () => {
    expect(['10', '10.00', '$10', '10 dollars', '+10.', '$ 10'].map(answerNumber)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(answerNumber('1,250')).toBe(1250);
    expect(answerNumber('-3.5%')).toBe(-3.5);
    expect(['ten', '1,25', '3 + 4', '', 'Answer: 5'].map(answerNumber)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(numbersEqual('$1,000.00', '1000')).toBe(true);
    expect(numbersEqual('0.1', '0.10000001')).toBe(true);
    expect(numbersEqual('7', '8')).toBe(false);
    expect(numbersEqual('seven', '7')).toBeUndefined();
  });

  it('matches against the best gold answer', () => {
    expect(matchAnswer('William Shakespeare', ['Shakespeare', 'william shakespeare'])).toMatchObject({ exactMatch: true, f1: 1, matchedGold: 'william shakespeare' });
    expect(matchAnswer('Bard', ['Shakespeare'])).toMatchObject({ exactMatch: false, f1: 0, matchedGold: 'Shakespeare', numericMatch: undefined });
  });

  it('grades with the requested grader; no answer is wrong', () => {
    expect(gradeAnswer('$18.00', ['18'], 'NUMERIC')).toMatchObject({ correct: true, score: 1, rationale: 'numeric: $18.00 == 18' });
    expect(gradeAnswer('eighteen', ['18'], 'NUMERIC')).toMatchObject({ correct: false, rationale: 'not a number: exact match no' });
    expect(gradeAnswer('the Louvre', ['Louvre'], 'EXACT_MATCH')).toMatchObject({ correct: true, score: 1 });
    expect(gradeAnswer('Louvre museum', ['Louvre'], 'TOKEN_F1')).toMatchObject({ correct: true, score: 2 / 3 });
    expect(gradeAnswer('museum', ['Louvre'], 'TOKEN_F1')).toMatchObject({ correct: false, score: 0 });
    expect(gradeAnswer(undefined, ['Louvre'], 'EXACT_MATCH')).toMatchObject({ correct: false, score: 0, rationale: 'no final answer', match: { f1: 0 } });
  });
});
