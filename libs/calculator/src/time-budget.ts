import { CalculatorError } from './calculator-error';

/** Milliseconds from an arbitrary origin; injectable so tests can simulate a slow machine. */
export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();

/** Reading the clock on every step is wasteful; every 16th step is frequent enough. */
const STEPS_PER_CLOCK_CHECK = 16;

/**
 * Wall-clock budget for one evaluation. The evaluator calls `step()` for every node it visits
 * and `check()` before expensive operations, so a runaway evaluation stops with TIMEOUT.
 */
export class TimeBudget {
  private readonly deadline: number;
  private steps = 0;

  constructor(
    private readonly budgetMs: number,
    private readonly clock: Clock = defaultClock,
  ) {
    this.deadline = clock() + budgetMs;
  }

  step(): void {
    this.steps += 1;
    if (this.steps % STEPS_PER_CLOCK_CHECK === 0) this.check();
  }

  check(): void {
    if (this.clock() > this.deadline) {
      throw new CalculatorError(
        'TIMEOUT',
        `evaluation took longer than the time limit timeBudgetMs = ${this.budgetMs} ms (after ${this.steps} steps); simplify the expression`,
      );
    }
  }
}
