import { OptionError } from '@swirl/grpc-kit';
import { loadJudgeConfig } from './judge-config';

describe('judge settings', () => {
  it('defaults to gRPC 50054, metrics 9467, the rules judge, no inference service', () => {
    const config = loadJudgeConfig({ argv: [], env: {} });
    expect(config).toMatchObject({ grpcPort: 50054, metricsPort: 9467, defaultProcessJudge: 'rules', inferenceTarget: undefined, llmSamples: 3, replyMarginMs: 200, cacheFile: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads flags and environment variables', () => {
    const config = loadJudgeConfig({ argv: ['--inference-target=127.0.0.1:50053', '--llm-model=judge@v2'], env: { SWIRL_JUDGE_LLM_SAMPLES: '5', SWIRL_JUDGE_CACHE_FILE: 'off' } });
    expect(config).toMatchObject({ inferenceTarget: '127.0.0.1:50053', llmModel: 'judge@v2', llmSamples: 5, cacheFile: 'off' });
  });

  it.each([
    [['--inference-target=h:1'], '--inference-target needs --llm-model'],
    [['--llm-samples=17'], '--llm-samples must be 1-16'],
    [['--llm-prompt=long'], '--llm-prompt must be full or compact'],
    [['--default-process-judge=llm'], '--default-process-judge=llm needs --inference-target'],
    [['--llm-timeout-ms=0'], '--llm-timeout-ms must be a positive integer'],
    [['--reply-margin-ms=-1'], '--reply-margin-ms must be >= 0'],
    [['--tls-ca=/nonexistent/ca.crt'], '--tls-ca / SWIRL_TLS_CA: cannot read /nonexistent/ca.crt'],
  ])('refuses %j', (argv, message) => {
    expect(() => loadJudgeConfig({ argv, env: {} })).toThrow(OptionError);
    expect(() => loadJudgeConfig({ argv, env: {} })).toThrow(message);
  });
});
