import { joinSentences } from './join-sentences';

describe('joinSentences', () => {
  it('keeps the leading spaces sentences already carry instead of doubling them', () => {
    expect(joinSentences(['Tea is a drink.', ' It is hot.', ' Very hot.'])).toBe('Tea is a drink. It is hot. Very hot.');
  });

  it('inserts a space where the splitter left none', () => {
    expect(joinSentences(['Founded by Shastri.', 'It is a school.'])).toBe('Founded by Shastri. It is a school.');
  });

  it('does not put a space before punctuation that continues the sentence', () => {
    expect(joinSentences(['From "Crack a Smile...and More!', '" album.'])).toBe('From "Crack a Smile...and More!" album.');
  });

  it('drops empty sentences and trims the result', () => {
    expect(joinSentences(['Its code is 183.', '', '  '])).toBe('Its code is 183.');
  });
});
