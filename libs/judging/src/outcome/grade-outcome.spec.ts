import { gradeOutcome } from './grade-outcome';
import { normaliseAnswer } from './normalise-answer';
import { numericallyEqual, readNumericAnswer } from './numeric-answer';
import { tokenOverlap } from './token-overlap';

describe('answer normalisation and token overlap', () => {
  it('normalises as SQuAD does', () => {
    expect(normaliseAnswer('  The Chief of Protocol! ')).toBe('chief of protocol');
    expect(normaliseAnswer('1,000 dollars')).toBe('1000 dollars');
    expect(normaliseAnswer('Pedro RODRÍGUEZ')).toBe(normaliseAnswer('pedro rodriguez'));
    expect(normaliseAnswer('KEGEYLI RAYONI')).toBe(normaliseAnswer('Kegeyli rayonı'));
  });

  it('computes F1, precision and recall; yes/no only match themselves', () => {
    const o = tokenOverlap('It was Chief of Protocol', 'Chief of Protocol');
    expect([o.f1, o.precision, o.recall].map((x) => Number(x.toFixed(6)))).toEqual([0.75, 0.6, 1]);
    expect(tokenOverlap('no idea', 'no')).toEqual({ f1: 0, precision: 0, recall: 0 });
    expect(tokenOverlap('', 'x').f1).toBe(0);
  });
});

describe('numeric answers', () => {
  it.each([
    ['10', 10, undefined],
    ['10.00', 10, undefined],
    ['$10', 10, 'dollar'],
    ['10 dollars', 10, 'dollar'],
    ['$1,000.50', 1000.5, 'dollar'],
    ['The answer is 18.', 18, undefined],
    ['Natalia sold 48/2 = 24 clips.\n#### 72', 72, undefined],
    ['3/4', 0.75, undefined],
    ['-5', -5, undefined],
    ['1.5 million', 1_500_000, undefined],
    ['3 dozen', 36, undefined],
    ['90 minutes', 90, 'minute'],
  ])('reads %j as %d %s', (text, value, unit) => {
    expect(readNumericAnswer(text)).toEqual(unit === undefined ? { value } : { value, unit });
  });

  it('compares values within 1e-6 and refuses conflicting units', () => {
    expect(numericallyEqual({ value: 0.1 + 0.2 }, { value: 0.3 })).toBe(true);
    expect(numericallyEqual({ value: 1450001 }, { value: 1450000 })).toBe(false);
    expect(numericallyEqual({ value: 90, unit: 'minute' }, { value: 90, unit: 'hour' })).toBe(false);
    expect(numericallyEqual({ value: 90, unit: 'minute' }, { value: 90 })).toBe(true);
    expect(readNumericAnswer('no number here')).toBeUndefined();
  });
});

describe('gradeOutcome', () => {
  it('uses the family default: numeric for math, exact match otherwise', () => {
    expect(gradeOutcome({ predicted: '$18.00', golds: ['Janet sells ... #### 18'], family: 'math' })).toMatchObject({ label: 'yes', grader: 'numeric', score: 1, matchedGold: '18' });
    expect(gradeOutcome({ predicted: 'the Chief of Protocol', golds: ['Chief of Protocol'] })).toMatchObject({ label: 'yes', grader: 'exact-match', exactMatch: true });
    expect(gradeOutcome({ predicted: 'Chief of Staff', golds: ['Chief of Protocol'] })).toMatchObject({ label: 'no', exactMatch: false });
  });

  it('grades token F1 against the threshold, always reporting F1, precision and recall', () => {
    const g = gradeOutcome({ predicted: 'It was Chief of Protocol', golds: ['Secretary', 'Chief of Protocol'], grader: 'token-f1' });
    expect(g).toMatchObject({ label: 'yes', precision: 0.6, recall: 1, matchedGold: 'Chief of Protocol' });
    expect(g.f1).toBeCloseTo(0.75, 9);
    expect(g.score).toBe(g.f1);
    expect(gradeOutcome({ predicted: 'It was Chief of Protocol', golds: ['Chief of Protocol'], grader: 'token-f1', f1Threshold: 0.8 }).label).toBe('no');
  });

  it('says NO to off-by-one, to other units, and to no answer; falls back to exact match for words', () => {
    expect(gradeOutcome({ predicted: '19', golds: ['18'], family: 'math' })).toMatchObject({ label: 'no', rationale: 'numeric: 19 != 18' });
    expect(gradeOutcome({ predicted: '1800 cents', golds: ['18'], family: 'math' }).label).toBe('no');
    expect(gradeOutcome({ predicted: '90 hours', golds: ['90 minutes'], family: 'math' }).label).toBe('no');
    expect(gradeOutcome({ predicted: '', golds: ['18'], family: 'math' })).toMatchObject({ label: 'no', rationale: 'no answer was given' });
    expect(gradeOutcome({ predicted: 'Paris', golds: ['paris'], grader: 'numeric' })).toMatchObject({ label: 'yes', rationale: expect.stringContaining('not numeric') });
  });

  it('refuses to grade without a gold answer', () => {
    expect(() => gradeOutcome({ predicted: '1', golds: ['  '] })).toThrow(RangeError);
  });
});
