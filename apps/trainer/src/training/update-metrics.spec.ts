import { fromStoredValues, meanAndStd, toRunMetrics, toStoredValues, type UpdateMetrics } from './update-metrics';

const metrics: UpdateMetrics = {
  update: 4, meanReward: 0.5, rewardStd: 0.5, acceptRate: 0.5, zeroSignalFraction: 0.25, groupsSkipped: 1, statesSkipped: 0, samples: 8,
  loss: 0.1, policyLoss: 0.09, kl: 0.01, gradNorm: 2, clipFraction: 0.1, entropy: 1.5, meanRatio: 1.01, learningRate: 1e-4, lossTokens: 300,
  sequences: 6, meanActionTokens: 40, samplesPerSecond: 20, sampleSeconds: 0.4, judgeSeconds: 0.05, learnerSeconds: 0.3, updateSeconds: 0.75,
  learnerStep: 4, trained: true, exported: false, checkpointed: true,
};

describe('update metrics', () => {
  it('round-trip through the store as snake_case numbers', () => {
    const values = toStoredValues(metrics);
    expect(values).toMatchObject({ mean_reward: 0.5, zero_signal_fraction: 0.25, trained: 1, exported: 0, checkpointed: 1, learner_step: 4 });
    expect(Object.values(values).every((v) => typeof v === 'number')).toBe(true);
    expect(fromStoredValues(4, values)).toEqual(metrics);
  });

  it('become the proto RunMetrics with durations', () => {
    expect(toRunMetrics(metrics)).toMatchObject({ update: 4, meanReward: 0.5, lossTokens: 300, sampleTime: { seconds: 0, nanos: 400_000_000 }, updateTime: { seconds: 0, nanos: 750_000_000 } });
  });

  it('mean and population std', () => {
    expect(meanAndStd([1, 0, 1, 0])).toEqual({ mean: 0.5, std: 0.5 });
    expect(meanAndStd([])).toEqual({ mean: 0, std: 0 });
  });
});
