import { expressionShape, operatorsOf } from './expression-shape';
import { impliedConstants } from './implied-constants';
import { numberMentions, numberWordValues } from './number-mentions';
import { standsFor } from './same-number';
import { statedResults } from './stated-results';
import { writtenNumbers } from './written-numbers';

describe('reading numbers', () => {
  it('finds numbers with currency, separators, fractions, percent and sign', () => {
    expect(numberMentions('$1,250.50 and 3/4 of 25% off, -3 degrees, H2O, 2nd').map((m) => [m.value, m.money, m.percent])).toEqual([
      [1250.5, true, false],
      [0.75, false, false],
      [25, false, true],
      [-3, false, false],
    ]);
    expect(numberMentions('3/4')[0]!.parts).toEqual([3, 4]);
  });

  it('reads number words and multipliers', () => {
    expect(numberWordValues('three apples, twenty-five pears, half of them, a dozen eggs, twice')).toEqual([3, 25, 2, 0.5, 12, 2]);
  });

  it('implies conversions only between units the question mentions', () => {
    expect(impliedConstants('8 pages in 20 minutes; how many hours?')).toContain(60);
    expect(impliedConstants('a 20% discount')).toEqual(expect.arrayContaining([100, 1]));
    expect(impliedConstants('5 apples')).toEqual([]);
  });

  it('matches rounded and whole forms of a value', () => {
    expect(standsFor('35.67', 35.66666667)).toBe(true);
    expect(standsFor('36', 35.6)).toBe(true);
    expect(standsFor('35', 35.6)).toBe(true);
    expect(standsFor('34', 35.6)).toBe(false);
    expect(standsFor('2.9', 2.916666667)).toBe(true);
  });

  it('keeps the sign of a unary minus in expressions', () => {
    expect(writtenNumbers('-35.4 / 7 - 2 * (-3)')).toEqual(['-35.4', '7', '2', '-3']);
  });

  it('accepts only arithmetic the model got right', () => {
    expect(statedResults('so 200 - 16 = 184, and 8 x 3 = 24 pages, but 2 + 2 = 5')).toEqual([184, 24]);
  });

  it('parses plain arithmetic into a tree, and nothing else', () => {
    expect(operatorsOf(expressionShape('(5 + 3) * 2 / 4')!)).toEqual(new Set(['*', '/', '+']));
    expect(expressionShape('sqrt(4)')).toBeUndefined();
    expect(expressionShape('2 ^ 3')).toBeUndefined();
    expect(expressionShape('3 x 4')).toMatchObject({ kind: 'binary', op: '*' });
  });
});
