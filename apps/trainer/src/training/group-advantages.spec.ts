import { AdvantageEstimator as E } from '@swirl/proto';
import { groupAdvantages } from './group-advantages';

const close = (actual: number[] | undefined, expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual!.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 5));
};

describe('groupAdvantages', () => {
  it('GROUP_NORMALIZED (the default) centres and scales by the group std', () => {
    close(groupAdvantages([1, 0], E.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED), [1, -1]);
    close(groupAdvantages([1, 0, 0, 0], E.ADVANTAGE_ESTIMATOR_UNSPECIFIED), [0.75 / Math.sqrt(0.1875), -0.25 / Math.sqrt(0.1875), -0.25 / Math.sqrt(0.1875), -0.25 / Math.sqrt(0.1875)]);
  });

  it('GROUP_MEAN subtracts the group mean only', () => {
    close(groupAdvantages([1, 0, 0, 1], E.ADVANTAGE_ESTIMATOR_GROUP_MEAN), [0.5, -0.5, -0.5, 0.5]);
    close(groupAdvantages([0.5, 0.25], E.ADVANTAGE_ESTIMATOR_GROUP_MEAN), [0.125, -0.125]);
  });

  it('LEAVE_ONE_OUT subtracts the mean of the other samples', () => {
    const rewards = [1, 0, 0.5];
    const expected = rewards.map((r, i) => r - (rewards.reduce((a, b) => a + b, 0) - rewards[i]!) / 2);
    close(groupAdvantages(rewards, E.ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT), expected);
  });

  it.each([E.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED, E.ADVANTAGE_ESTIMATOR_GROUP_MEAN, E.ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT])(
    'estimator %s: a group whose rewards are all equal has no signal',
    (estimator) => {
      expect(groupAdvantages([1, 1, 1], estimator)).toBeUndefined();
      expect(groupAdvantages([0, 0], estimator)).toBeUndefined();
    },
  );

  it('advantages of a group with signal sum to zero', () => {
    for (const estimator of [E.ADVANTAGE_ESTIMATOR_GROUP_NORMALIZED, E.ADVANTAGE_ESTIMATOR_GROUP_MEAN, E.ADVANTAGE_ESTIMATOR_LEAVE_ONE_OUT]) {
      const sum = groupAdvantages([1, 0, 1, 1, 0.5], estimator)!.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum)).toBeLessThan(1e-9);
    }
  });

  it('refuses a group of one', () => {
    expect(() => groupAdvantages([1], E.ADVANTAGE_ESTIMATOR_GROUP_MEAN)).toThrow('at least 2');
  });
});
