import { knownQuantities } from './known-quantities';
import { numberMentions } from './number-mentions';
import { addable, productKind, quantityKind } from './quantity-kind';
import { calculationRecord } from './calculation-record';

const kinds = (question: string) => {
  const mentions = numberMentions(question);
  return mentions.map((m, i) => quantityKind(question, m, mentions[i + 1]?.start ?? question.length));
};

describe('quantity kinds from the words around a number', () => {
  it('reads money, rates and counts', () => {
    expect(kinds('Meastioloth earns $10 per hour and works 8 hours a day. After 10 days, Meastioloth pays $275 of rent.')).toEqual([
      { money: true, nouns: [], per: 'hour' },
      { money: false, nouns: ['hour'], per: 'day' },
      { money: false, nouns: ['day'] },
      { money: true, nouns: [] },
    ]);
    expect(kinds('Each day 10 toys are faulty, in boxes of 5')[0]).toEqual({ money: false, nouns: ['toy'], per: 'day' });
    expect(kinds("The garden has 12 rows of 11 tomato plants.")[1]).toEqual({ money: false, nouns: ['tomato', 'plant'], per: 'row' });
    expect(kinds('3 notebooks at $12 each and 2 pens')[1]).toEqual({ money: true, nouns: [], per: 'item' });
  });

  it('adds only like quantities and cancels rates in products', () => {
    const [wage, hours, days] = kinds('earns $10 per hour and works 8 hours a day. After 10 days');
    expect(addable(wage!, hours!)).toBe(false);
    expect(addable(hours!, days!)).toBe(false);
    const daily = productKind(wage!, hours!)!;
    expect(daily).toEqual({ money: true, nouns: [], per: 'day' });
    expect(productKind(daily, days!)).toEqual({ money: true, nouns: [] });
    expect(addable({ money: false, nouns: ['apple'] }, { money: false, nouns: ['pear'] })).toBeUndefined();
  });

  it('follows kinds through earlier results, and leaves a number that may be two things open', () => {
    const q = 'Ana earns $10 per hour and works 8 hours a day. After 8 days, Ana pays $275 of rent.';
    const known = knownQuantities(q, [calculationRecord(0, '', '10 * 8', '80'), calculationRecord(1, '', '80 * 8', '640')]);
    expect(known.kindsOf(80)).toEqual([{ money: true, nouns: [], per: 'day' }]);
    expect(known.kindsOf(640)).toEqual(expect.arrayContaining([{ money: true, nouns: [] }]));
    expect(known.kindsOf(8)).toHaveLength(2);
    expect(known.isKnown('640')).toBe(true);
    expect(known.isKnown('640', 1)).toBe(false);
    expect(known.isKnown('9')).toBe(false);
  });
});
