import { ExampleSchedule } from './example-schedule';

describe('ExampleSchedule', () => {
  it('visits every example once per pass, in a seeded order', () => {
    const schedule = new ExampleSchedule(42, 10, 5);
    const firstPass = [...schedule.batch(1), ...schedule.batch(2)];
    expect([...firstPass].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(firstPass).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const secondPass = [...schedule.batch(3), ...schedule.batch(4)];
    expect([...secondPass].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(secondPass).not.toEqual(firstPass);
  });

  it('gives the same batch for the same update whatever was asked before (resume)', () => {
    const a = new ExampleSchedule(7, 13, 4);
    const b = new ExampleSchedule(7, 13, 4);
    for (let u = 1; u <= 9; u++) a.batch(u);
    expect(b.batch(9)).toEqual(a.batch(9));
    expect(new ExampleSchedule(8, 13, 4).batch(1)).not.toEqual(b.batch(1));
  });

  it('spans two passes when the batch crosses a pass boundary, and wraps batches larger than the data', () => {
    const schedule = new ExampleSchedule(1, 3, 2);
    const joined = [...schedule.batch(1), ...schedule.batch(2), ...schedule.batch(3)];
    expect([...joined.slice(0, 3)].sort()).toEqual([0, 1, 2]);
    expect([...joined.slice(3)].sort()).toEqual([0, 1, 2]);
    expect(schedule.passOf(2)).toBe(1);
    const big = new ExampleSchedule(1, 2, 5).batch(1);
    expect(big).toHaveLength(5);
    expect(new Set(big)).toEqual(new Set([0, 1]));
  });

  it('refuses empty data and empty batches', () => {
    expect(() => new ExampleSchedule(1, 0, 1)).toThrow('exampleCount');
    expect(() => new ExampleSchedule(1, 1, 0)).toThrow('batchSize');
  });
});
