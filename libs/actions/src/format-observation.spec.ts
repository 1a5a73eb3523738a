import { formatObservation } from './format-observation';

describe('formatObservation', () => {
  it('writes QUERY -> RESULT', () => {
    expect(formatObservation('48 / 2', '24')).toBe('48 / 2 -> 24');
  });

  it('keeps the observation on one line', () => {
    expect(formatObservation(' Velora\nSystems ', 'A: first\n\n B: second \r\nC')).toBe('Velora Systems -> A: first | B: second | C');
  });

  it('allows an empty result', () => {
    expect(formatObservation('x', '')).toBe('x -> ');
  });
});
