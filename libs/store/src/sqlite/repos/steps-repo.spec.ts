import type { NewStep } from '../../domain/step';
import { InvalidStoreInputError, StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { createTempStoreDir, steppingClock } from '../../testing/temp-store.test-support';
import { sampleStep, sampleTrajectory, seedTrajectory } from '../../testing/store-fixtures.test-support';
import type { SqliteTrajectoryStore } from '../sqlite-trajectory-store';

describe('steps', () => {
  const temp = createTempStoreDir();
  let store: SqliteTrajectoryStore;

  beforeAll(async () => {
    store = await temp.open({ clock: steppingClock() });
  });
  afterAll(() => temp.cleanup());

  it('round-trips a tool-call step, token ids and float32 log-probs bit-exact', async () => {
    await seedTrajectory(store, { trajectoryId: 's-rt' }, 0);
    const input = sampleStep('s-rt', 0);
    const stored = await store.appendStep(input);
    const expected = {
      ...input,
      prefix: { ...input.prefix, tokenIds: Uint32Array.from(input.prefix.tokenIds!) },
      actionTokenIds: Uint32Array.from(input.actionTokenIds),
      actionLogprobs: Float32Array.from(input.actionLogprobs),
      createdAt: expect.any(Date),
    };
    expect(stored).toEqual(expected);
    const reread = (await store.getTrajectory('s-rt'))!.steps[0];
    expect(reread).toEqual(expected);
    expect(Buffer.from(reread.actionLogprobs.buffer)).toEqual(Buffer.from(Float32Array.from(input.actionLogprobs).buffer));
    expect((await store.getTrajectory('s-rt'))!.stepCount).toBe(1);
  });

  it('round-trips final-answer and malformed steps, and steps without log-probs or prefix tokens', async () => {
    await seedTrajectory(store, { trajectoryId: 's-kinds', sampleIndex: 1 }, 0);
    const malformed: NewStep = {
      ...sampleStep('s-kinds', 0),
      action: { kind: 'malformed', text: 'I think <math_exp>2 +', reasoning: 'I think', parseError: 'unclosed tag' },
      toolResult: undefined,
      observation: 'Reply with exactly one action tag.',
      finishReason: 'max_tokens',
      actionLogprobs: [],
      prefix: { hash: 'h0', messageCount: 2, tokenCount: 41 },
      seed: undefined,
    };
    const final = sampleStep('s-kinds', 1, { final: true });
    const stored = await store.appendStep(malformed);
    expect(stored).toMatchObject({ action: malformed.action, actionLogprobs: new Float32Array(0), prefix: { hash: 'h0' } });
    expect(stored.prefix).not.toHaveProperty('tokenIds');
    await store.appendStep(final);
    const steps = (await store.getTrajectory('s-kinds'))!.steps;
    expect(steps.map((step) => step.action.kind)).toEqual(['malformed', 'final_answer']);
    expect(steps[0].seed).toBeUndefined();
    expect(steps[1]).toMatchObject({ action: { answer: '24' }, toolResult: undefined, observation: '', timings: { toolMs: undefined } });
  });

  it('is idempotent for an identical step and refuses a different one at a stored index', async () => {
    await seedTrajectory(store, { trajectoryId: 's-idem', sampleIndex: 2 }, 1);
    const again = await store.appendStep(sampleStep('s-idem', 0));
    expect(again.index).toBe(0);
    expect((await store.getTrajectory('s-idem'))!.stepCount).toBe(1);

    const logprobs = Float32Array.from(sampleStep('s-idem', 0).actionLogprobs);
    logprobs[3] = Math.fround(logprobs[3] - 1e-6);
    await expect(store.appendStep({ ...sampleStep('s-idem', 0), actionLogprobs: logprobs })).rejects.toThrow(
      new StoreConflictError('step s-idem/0 is already stored with different content; stored steps are never replaced, so a resumed job must continue after them'),
    );
    await expect(store.appendStep({ ...sampleStep('s-idem', 0), observation: 'other' })).rejects.toThrow(StoreConflictError);
    expect((await store.getTrajectory('s-idem'))!.steps[0].observation).toBe(sampleStep('s-idem', 0).observation);
  });

  it('appends only the next index, only while the trajectory runs, only within its step cap', async () => {
    await seedTrajectory(store, { trajectoryId: 's-order', sampleIndex: 3 }, 1);
    await expect(store.appendStep(sampleStep('s-order', 2))).rejects.toThrow(
      new StorePreconditionError('step s-order/2 is out of order: trajectory s-order has 1 steps, so the next index is 1'),
    );
    await expect(store.appendStep(sampleStep('s-unknown', 0))).rejects.toThrow(StoreNotFoundError);

    await store.startTrajectory(sampleTrajectory('s-cap', 'job-1', 'world/train/q-1', { sampleIndex: 4, maxSteps: 1 }));
    await store.appendStep(sampleStep('s-cap', 0));
    await expect(store.appendStep(sampleStep('s-cap', 1))).rejects.toThrow("step s-cap/1 exceeds the trajectory's step cap of 1");

    await store.finishTrajectory('s-order', { finishReason: 'cancelled' });
    await expect(store.appendStep(sampleStep('s-order', 1))).rejects.toThrow('trajectory s-order is cancelled; steps can only be appended while it runs');
    // An identical retry of an already stored step still succeeds after the end.
    expect((await store.appendStep(sampleStep('s-order', 0))).index).toBe(0);
  });

  it('refuses inconsistent steps with a message that names the field', async () => {
    const base = sampleStep('s-any', 0);
    const cases: [Partial<NewStep>, string][] = [
      [{ actionLogprobs: [-1, -2] }, `step.actionLogprobs has 2 values for ${base.actionTokenIds.length} action tokens`],
      [{ actionTokenIds: [1, -2] }, 'step.actionTokenIds[1] must be an integer in [0, 2^32), got -2'],
      [{ actionTokenIds: [1.5] }, 'step.actionTokenIds[0] must be an integer'],
      [{ actionLogprobs: Array(base.actionTokenIds.length).fill(Number.NaN) }, 'step.actionLogprobs[0] must be a log-probability'],
      [{ action: { ...base.action, answer: '3' } }, 'step.action.answer must be set exactly for final_answer actions (kind is tool_call)'],
      [{ action: { kind: 'final_answer', text: 'x', reasoning: '', answer: 'x' } }, 'step.toolResult is only for tool_call actions (kind is final_answer)'],
      [{ finishReason: 'length' as never }, 'step.finishReason must be one of stop_sequence, eos, max_tokens, context_length, cancelled'],
      [{ timings: { ...base.timings, generationMs: -1 } }, 'step.timings.generationMs must not be negative'],
      [{ model: { name: 'swirl-tiny', version: '' } }, 'step.model.version must not be empty'],
      [{ action: { ...base.action, toolCall: { toolName: 'calculator', arguments: { when: new Date() as never } } } }, 'step.action.toolCall.arguments.when is a Date'],
    ];
    for (const [change, message] of cases) {
      await expect(store.appendStep({ ...base, ...change })).rejects.toThrow(InvalidStoreInputError);
      await expect(store.appendStep({ ...base, ...change })).rejects.toThrow(message);
    }
  });
});
