import { loadInferenceConfig } from './inference-config';

describe('loadInferenceConfig', () => {
  it('rejects a zero thread count, batch or queue at start-up with the flag to fix', () => {
    expect(() => loadInferenceConfig({ argv: ['--engine-threads=0'], env: {} })).toThrow('--engine-threads must be at least 1, got 0');
    expect(() => loadInferenceConfig({ argv: ['--max-batch-size=0'], env: {} })).toThrow('--max-batch-size must be at least 1, got 0');
    expect(() => loadInferenceConfig({ argv: ['--max-queued=0'], env: {} })).toThrow('--max-queued must be at least 1, got 0');
  });

  it('holds queued requests for up to 16 steps unless told otherwise; 0 turns holding off, a negative count is refused', () => {
    expect(loadInferenceConfig({ argv: [], env: {} }).joinHoldSteps).toBe(16);
    expect(loadInferenceConfig({ argv: ['--join-hold-steps=0'], env: {} }).joinHoldSteps).toBe(0);
    expect(loadInferenceConfig({ argv: [], env: { SWIRL_INFERENCE_JOIN_HOLD_STEPS: '4' } }).joinHoldSteps).toBe(4);
    expect(() => loadInferenceConfig({ argv: ['--join-hold-steps=-1'], env: {} })).toThrow('--join-hold-steps must be 0 (join at once) or more, got -1');
  });

  it('regroups for up to 20 ms unless told otherwise; 0 turns it off, a negative wait is refused', () => {
    expect(loadInferenceConfig({ argv: [], env: {} }).regroupWaitMs).toBe(20);
    expect(loadInferenceConfig({ argv: ['--regroup-wait-ms=0'], env: {} }).regroupWaitMs).toBe(0);
    expect(() => loadInferenceConfig({ argv: ['--regroup-wait-ms=-5'], env: {} })).toThrow('--regroup-wait-ms must be 0 (admit at once) or more, got -5');
  });

  it('engine threads sleep when idle unless told to poll; a negative spin is refused', () => {
    expect(loadInferenceConfig({ argv: [], env: {} }).engineIdleSpinMs).toBe(10);
    expect(loadInferenceConfig({ argv: ['--engine-idle-spin-ms=10'], env: {} }).engineIdleSpinMs).toBe(10);
    expect(loadInferenceConfig({ argv: [], env: { SWIRL_INFERENCE_ENGINE_IDLE_SPIN_MS: '3' } }).engineIdleSpinMs).toBe(3);
    expect(() => loadInferenceConfig({ argv: ['--engine-idle-spin-ms=-1'], env: {} })).toThrow('--engine-idle-spin-ms must be 0 (sleep at once) or more, got -1');
  });
});
