import { CalculatorError } from './calculator-error';
import { TimeBudget } from './time-budget';

/** A fake clock that advances by `tick` ms each time it is read. */
function steppingClock(tick: number): () => number {
  let now = 0;
  return () => (now += tick);
}

describe('TimeBudget', () => {
  it('passes while the deadline has not been reached', () => {
    const budget = new TimeBudget(50, () => 0);
    for (let i = 0; i < 1000; i += 1) budget.step();
    expect(() => budget.check()).not.toThrow();
  });

  it('throws TIMEOUT naming the limit once the clock passes the deadline', () => {
    const budget = new TimeBudget(50, steppingClock(100));
    let caught: unknown;
    try {
      budget.check();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalculatorError);
    expect((caught as CalculatorError).code).toBe('TIMEOUT');
    expect((caught as CalculatorError).message).toContain('timeBudgetMs = 50');
  });

  it('reads the clock only every 16 steps', () => {
    const clock = jest.fn(() => 0);
    const budget = new TimeBudget(50, clock);
    for (let i = 0; i < 32; i += 1) budget.step();
    expect(clock).toHaveBeenCalledTimes(3);
  });
});
