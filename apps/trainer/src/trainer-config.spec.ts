import { OptionError } from '@swirl/grpc-kit';
import { loadTrainerConfig } from './trainer-config';

describe('trainer settings', () => {
  it('defaults to the documented ports and targets', () => {
    const config = loadTrainerConfig({ argv: [], env: {} });
    expect(config).toMatchObject({ grpcPort: 50056, metricsPort: 9469, learnerTarget: '127.0.0.1:50055', inferenceTarget: '127.0.0.1:50053', judgeTarget: '127.0.0.1:50054' });
    expect(config.artifactsDir.startsWith('/')).toBe(true);
  });

  it('reads flags before environment variables', () => {
    const config = loadTrainerConfig({ argv: ['--learner-target=l:1'], env: { SWIRL_LEARNER_TARGET: 'env:2', SWIRL_JUDGE_TARGET: 'j:3', SWIRL_TRAINER_BASE_CHECKPOINTS: 'a@*=/a,b@v=/b' } });
    expect(config).toMatchObject({ learnerTarget: 'l:1', judgeTarget: 'j:3', baseCheckpoints: ['a@*=/a', 'b@v=/b'] });
  });

  it.each([
    [['--artifacts-dir=var/x'], '--artifacts-dir must be absolute'],
    [['--judge-batch-size=300'], '--judge-batch-size must be in 1..256'],
    [['--generate-concurrency=0'], '--generate-concurrency must be at least 1'],
    [['--max-learner-recoveries=-1'], '--max-learner-recoveries must be >= 0'],
    [['--tls-ca=/nonexistent/ca.crt'], '--tls-ca / SWIRL_TLS_CA: cannot read /nonexistent/ca.crt'],
  ])('refuses %j', (argv, message) => {
    expect(() => loadTrainerConfig({ argv, env: {} })).toThrow(OptionError);
    expect(() => loadTrainerConfig({ argv, env: {} })).toThrow(message);
  });
});
