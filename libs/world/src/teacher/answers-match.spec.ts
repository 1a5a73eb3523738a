import { answersMatch } from './answers-match';

describe('answersMatch', () => {
  it.each([
    ['10', '10', true],
    ['10.00', '10', true],
    ['$1,000', '1000', true],
    [' Velora Systems. ', 'velora systems', true],
    ['11', '10', false],
    ['Velora', 'Velora Systems', false],
  ])('%j vs %j -> %s', (answer, gold, expected) => {
    expect(answersMatch(answer, gold)).toBe(expected);
  });
});
