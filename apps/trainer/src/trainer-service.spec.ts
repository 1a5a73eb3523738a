import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { ModelState, RunState, TrainingAlgorithm, type WatchRunResponse } from '@swirl/proto';
import { startInference, startLearner } from './testing/services.test-support';
import type { ChildService } from './testing/child-service.test-support';
import { miniPolicyDir } from './testing/mini-policy.test-support';
import { seedMiniDataset, type SeededDataset } from './testing/mini-dataset.test-support';
import { BASE, TrainerHarness } from './testing/trainer-harness.test-support';
import type { UpdateRecord } from './training/update-log';

jest.setTimeout(300_000);

describe('trainer service: SFT runs, cancellation, restarts and bad input, against a real learner, inference service and store', () => {
  let learner: ChildService;
  let inference: ChildService;
  let h: TrainerHarness;
  let data: SeededDataset;

  beforeAll(async () => {
    [learner, inference] = await Promise.all([startLearner(0), startInference([`${BASE.name}@${BASE.version}=${miniPolicyDir()}`])]);
    h = new TrainerHarness({ learner, inference });
    await h.start();
    data = await seedMiniDataset(h.store, h.services.inference, BASE, { id: 'sft', trajectories: 6, seed: 3 });
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all([learner?.stop(), inference?.stop()]);
  });

  const readLog = (runId: string): UpdateRecord[] =>
    readFileSync(join(h.artifactsDir, 'runs', runId, 'updates.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as UpdateRecord);

  let firstRunId = '';

  it('trains one pass over the stored actions, checkpoints, exports and hot-loads the result', async () => {
    const created = await h.createRun({
      requestId: 'sft-1',
      datasetVersionId: data.datasetVersionId,
      algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SFT,
      hyperParameters: { statesPerBatch: 4, learningRate: 1e-3, seed: 5 } as never,
      outputModelName: 'mini-sft',
      displayName: 'sft baseline',
    });
    expect(created).toMatchObject({ state: RunState.RUN_STATE_PENDING, totalUpdates: 3, displayName: 'sft baseline', baseModel: BASE });
    firstRunId = created.id;
    // From event 1 (the creation): a run this small may finish before a snapshot watch starts.
    const events = await h.watch(created.id, 1);
    const run = await h.getRun(created.id);
    expect(run.state).toBe(RunState.RUN_STATE_SUCCEEDED);
    expect(run.completedUpdates).toBe(3);

    // Events: numbered without gaps; states, three progress events, one export and one checkpoint at the end.
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual(sequences.map((_, i) => 2 + i));
    const kinds = events.map((e) => e.event!.$case);
    expect(kinds.filter((k) => k === 'progress')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'modelExported')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'checkpointSaved')).toHaveLength(1);
    const states = events.filter((e) => e.event!.$case === 'stateChanged').map((e) => (e.event as Extract<WatchRunResponse['event'], { $case: 'stateChanged' }>).value.run!.state);
    expect(states.at(-1)).toBe(RunState.RUN_STATE_SUCCEEDED);
    expect(states).toContain(RunState.RUN_STATE_RUNNING);

    // One pass: every example exactly once; the learner trained on exactly the action tokens.
    const log = readLog(run.id);
    expect(log.map((r) => r.update)).toEqual([1, 2, 3]);
    const seen = log.flatMap((r) => r.states.map((s) => s.example));
    expect([...seen].sort()).toEqual(data.examples.map((e) => e.id).sort());
    const byId = new Map(data.examples.map((e) => [e.id, e]));
    for (const record of log) {
      const batch = record.states.map((s) => byId.get(s.example)!);
      expect(record.learner).toMatchObject({ sequences: batch.length, lossTokens: batch.reduce((a, e) => a + e.actionTokenIds.length, 0), replayed: false });
      record.states.forEach((s) => expect(s.promptTokens).toBe(byId.get(s.example)!.promptTokenIds.length));
    }
    expect(data.examples.some((e) => !e.storedTokens) && data.examples.some((e) => e.storedTokens)).toBe(true);

    // The final policy is loaded into inference under the output name (the first version of a name is active).
    expect(run.latestModel).toEqual({ name: 'mini-sft', version: `${run.id}/update-3` });
    const { model } = await h.services.inference.getModel({ model: run.latestModel });
    expect(model).toMatchObject({ state: ModelState.MODEL_STATE_READY, active: true });
    expect(model!.sourceUri).toBe(join(h.artifactsDir, 'exports', run.id, 'update-3'));

    // The checkpoint is registered, resumable and on disk; metrics are in the store.
    const { checkpoints } = await h.call(h.client.listCheckpoints, { runId: run.id, pageSize: 0, pageToken: '' });
    expect(checkpoints).toHaveLength(1);
    expect(checkpoints[0]).toMatchObject({ id: `${run.id}/update-3`, runId: run.id, step: 3, hasOptimizerState: true });
    expect(existsSync(join(checkpoints[0]!.path, 'optimizer.pt'))).toBe(true);
    expect(run.latestCheckpoint).toEqual(checkpoints[0]);
    const metrics = await h.store.listRunMetrics(run.id);
    expect(metrics.map((m) => [m.step, m.attempt])).toEqual([[1, 0], [2, 0], [3, 0]]);
    expect(metrics[2]!.values).toMatchObject({ exported: 1, checkpointed: 1, trained: 1, learner_step: 3, loss_tokens: log[2]!.learner!.lossTokens });
    expect(run.latestMetrics).toMatchObject({ update: 3, lossTokens: log[2]!.learner!.lossTokens });
    expect(run.latestMetrics!.loss).toBeGreaterThan(0);
  });

  it('answers a repeated CreateRun with the original run, and a reused request_id with ALREADY_EXISTS', async () => {
    const request = { requestId: 'sft-1', datasetVersionId: data.datasetVersionId, algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SFT, hyperParameters: { statesPerBatch: 4, learningRate: 1e-3, seed: 5 } as never, outputModelName: 'mini-sft', displayName: 'sft baseline' };
    const again = await h.createRun(request);
    expect(again.state).toBe(RunState.RUN_STATE_SUCCEEDED);
    expect((await h.call(h.client.listRuns, { pageSize: 0, pageToken: '', state: 0, datasetVersionId: '' })).runs.map((r) => r.id)).toContain(again.id);
    await expect(h.createRun({ ...request, displayName: 'other' })).rejects.toMatchObject({ code: status.ALREADY_EXISTS, details: expect.stringContaining(`already created run ${again.id}`) });
  });

  const sftRequest = (requestId: string, hyperParameters: Record<string, unknown>) => ({
    requestId,
    datasetVersionId: data.datasetVersionId,
    algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SFT,
    hyperParameters: { statesPerBatch: 4, learningRate: 1e-3, seed: 9, ...hyperParameters } as never,
  });

  it('cancels a run: the current update finishes, a final checkpoint is written, the run is CANCELLED', async () => {
    const created = await h.createRun(sftRequest('sft-cancel', { updates: 60 }));
    // One run per learner: a second run is refused while this one holds it.
    await expect(h.createRun(sftRequest('sft-other', { updates: 2 }))).rejects.toMatchObject({ code: status.RESOURCE_EXHAUSTED, details: expect.stringContaining(created.id) });
    let cancelling: Promise<unknown> | undefined;
    // From event 1 (the run's creation), so no event of the fast run is missed.
    const events = await h.watch(created.id, 1, (event) => {
      if (event.event?.$case === 'progress' && cancelling === undefined) cancelling = h.call(h.client.cancelRun, { runId: created.id });
    });
    const cancelResponse = (await cancelling) as { run: { state: RunState } };
    expect([RunState.RUN_STATE_CANCELLING, RunState.RUN_STATE_CANCELLED]).toContain(cancelResponse.run.state);
    const run = await h.getRun(created.id);
    expect(run.state).toBe(RunState.RUN_STATE_CANCELLED);
    expect(run.completedUpdates).toBeGreaterThanOrEqual(1);
    expect(run.completedUpdates).toBeLessThan(60);
    expect(run.endTime).toBeDefined();
    // The final checkpoint holds the last completed update.
    expect(run.latestCheckpoint).toMatchObject({ step: run.completedUpdates, hasOptimizerState: true });
    expect(events.at(-1)!.event).toMatchObject({ $case: 'stateChanged', value: { run: { state: RunState.RUN_STATE_CANCELLED } } });
    const states = events.filter((e) => e.event!.$case === 'stateChanged').map((e) => (e.event as Extract<WatchRunResponse['event'], { $case: 'stateChanged' }>).value.run!.state);
    expect(states).toContain(RunState.RUN_STATE_CANCELLING);
    // Cancelling again changes nothing; a finished run cannot be cancelled.
    expect((await h.call(h.client.cancelRun, { runId: created.id })).run!.state).toBe(RunState.RUN_STATE_CANCELLED);
    const succeeded = (await h.call(h.client.listRuns, { pageSize: 0, pageToken: '', state: RunState.RUN_STATE_SUCCEEDED, datasetVersionId: '' })).runs;
    expect(succeeded.map((r) => r.id)).not.toContain(created.id);
    await expect(h.call(h.client.cancelRun, { runId: succeeded[0]!.id })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringContaining('already SUCCEEDED') });
  });

  it('replays retained events after a sequence number and refuses one it does not have', async () => {
    const runId = firstRunId;
    const all = await h.watch(runId);
    // Finished run: the snapshot alone, then the stream ends.
    expect(all).toHaveLength(1);
    expect(all[0]!.event).toMatchObject({ $case: 'stateChanged', value: { run: { id: runId, state: RunState.RUN_STATE_SUCCEEDED } } });
    const latest = all[0]!.sequence;
    const tail = await h.watch(runId, latest - 2);
    expect(tail.map((e) => e.sequence)).toEqual([latest - 1, latest]);
    await expect(h.watch(runId, latest + 5, undefined, 15_000)).rejects.toMatchObject({ code: status.OUT_OF_RANGE, details: expect.stringContaining('after_sequence') });
  });

  it('resumes a RUNNING run from its last checkpoint when the trainer restarts', async () => {
    const created = await h.createRun(sftRequest('sft-restart', { updates: 40, checkpointEvery: 2 }));
    const interrupted = new Promise<void>((resolve) => {
      h.watch(created.id, 1, (event) => {
        if (event.event?.$case === 'checkpointSaved' && event.event.value.step === 2) resolve();
      }).catch(() => undefined); // the trainer ends the stream when it stops
    });
    await interrupted;
    await h.stopTrainer();
    const stored = await h.store.getTrainingRun(created.id);
    expect(stored!.status).toBe('running');
    const lastCheckpoint = (await h.store.latestCheckpoint(created.id))!.step;
    expect(lastCheckpoint).toBeLessThan(40);

    await h.start();
    const run = await h.waitTerminal(created.id);
    expect(run.state).toBe(RunState.RUN_STATE_SUCCEEDED);
    expect(run.completedUpdates).toBe(40);
    const metrics = await h.store.listRunMetrics(created.id);
    // The updates after the last checkpoint are redone by attempt 1; none before it.
    const redone = Array.from({ length: 40 - lastCheckpoint }, (_, i) => lastCheckpoint + 1 + i);
    expect(metrics.filter((m) => m.attempt === 1).map((m) => m.step)).toEqual(redone);
    expect(metrics.filter((m) => m.step <= lastCheckpoint).every((m) => m.attempt === 0)).toBe(true);
    const checkpoints = await h.store.listCheckpoints(created.id);
    expect(checkpoints.map((c) => c.step)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * (i + 1)));
    expect(checkpoints.filter((c) => c.step > lastCheckpoint).every((c) => c.path.endsWith(`update-${c.step}.attempt-1`))).toBe(true);
    expect(h.logLines.some((l) => l.includes('"msg":"learner session ready"') && l.includes(created.id) && l.includes(`"update":${lastCheckpoint}`) && l.includes('"attempt":1'))).toBe(true);
    // A redone update trains the same examples as its first attempt (seeded order).
    const log = readLog(created.id);
    for (const first of log.filter((r) => r.attempt === 0 && r.update > lastCheckpoint)) {
      expect(log.find((r) => r.update === first.update && r.attempt === 1)!.states).toEqual(first.states);
    }
  });

  describe('bad input', () => {
    const valid = () => ({ requestId: 'bad', datasetVersionId: data.datasetVersionId, algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SFT });

    it.each<[string, Record<string, unknown>, number, string]>([
      ['no request_id', { requestId: '' }, status.INVALID_ARGUMENT, 'request_id is required'],
      ['no dataset version', { datasetVersionId: '' }, status.INVALID_ARGUMENT, 'dataset_version_id is required'],
      ['algorithm unspecified', { algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_UNSPECIFIED }, status.INVALID_ARGUMENT, 'algorithm is required: TRAINING_ALGORITHM_SWIRL or TRAINING_ALGORITHM_SFT'],
      ['unknown dataset version', { datasetVersionId: 'nope' }, status.NOT_FOUND, 'dataset version "nope" does not exist'],
      ['G > 64', { algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL, hyperParameters: { samplesPerState: 65 } }, status.INVALID_ARGUMENT, 'hyper_parameters.samples_per_state is 65; the maximum is 64'],
      ['negative learning rate', { hyperParameters: { learningRate: -0.1 } }, status.INVALID_ARGUMENT, 'hyper_parameters.learning_rate is -0.1'],
      ['clip epsilon out of range', { hyperParameters: { clipEpsilon: 1.5 } }, status.INVALID_ARGUMENT, 'hyper_parameters.clip_epsilon is 1.5'],
      ['a relative base checkpoint', { baseCheckpointPath: 'models/x' }, status.INVALID_ARGUMENT, 'base_checkpoint_path "models/x" is relative'],
      ['too many reward votes', { rewardSamples: 17 }, status.INVALID_ARGUMENT, 'reward_samples is 17'],
      ['an unknown base model', { baseModel: { name: 'ghost', version: '' } }, status.NOT_FOUND, 'base model ghost@(active version) is not loaded'],
      // This trainer's judge target has no judge behind it.
      ['SWIRL while the judge is down', { algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL }, status.UNAVAILABLE, 'the judge service at 127.0.0.1:1 failed'],
    ])('CreateRun with %s', async (_name, fields, code, message) => {
      await expect(h.createRun({ ...valid(), ...fields, hyperParameters: fields['hyperParameters'] as never })).rejects.toMatchObject({ code, details: expect.stringContaining(message) });
    });

    it('CreateRun for a base model without a known learner checkpoint: FAILED_PRECONDITION saying how to give one', async () => {
      await h.services.inference.loadModel({ requestId: 'load-unmapped', model: { name: 'unmapped', version: 'v1' }, sourceUri: h.policyDir, backend: 1, activate: true, openaiRemote: undefined });
      await expect(h.createRun({ ...valid(), baseModel: { name: 'unmapped', version: 'v1' } })).rejects.toMatchObject({
        code: status.FAILED_PRECONDITION,
        details: expect.stringContaining('set base_checkpoint_path, or start the trainer with --base-checkpoints=unmapped@v1='),
      });
    });

    it('answers unknown runs with NOT_FOUND and malformed queries with INVALID_ARGUMENT', async () => {
      await expect(h.getRun('run-nope')).rejects.toMatchObject({ code: status.NOT_FOUND, details: expect.stringContaining('run "run-nope" does not exist') });
      await expect(h.getRun('')).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'run_id is required' });
      await expect(h.call(h.client.cancelRun, { runId: 'run-nope' })).rejects.toMatchObject({ code: status.NOT_FOUND });
      await expect(h.call(h.client.listCheckpoints, { runId: 'run-nope', pageSize: 0, pageToken: '' })).rejects.toMatchObject({ code: status.NOT_FOUND });
      await expect(h.watch('run-nope', 0, undefined, 15_000)).rejects.toMatchObject({ code: status.NOT_FOUND });
      await expect(h.call(h.client.listRuns, { pageSize: 0, pageToken: 'garbage', state: 0, datasetVersionId: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('page_token is malformed') });
      const firstPage = await h.call(h.client.listRuns, { pageSize: 1, pageToken: '', state: 0, datasetVersionId: '' });
      expect(firstPage.runs).toHaveLength(1);
      await expect(h.call(h.client.listRuns, { pageSize: 1, pageToken: firstPage.nextPageToken, state: RunState.RUN_STATE_FAILED, datasetVersionId: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('other filters') });
    });
  });

  it('exports Prometheus series of the updates it ran', async () => {
    const text = await (await fetch(`http://127.0.0.1:${h.trainer.metricsPort}/metrics`)).text();
    const updates = Number(/swirl_trainer_updates_total\{[^}]*algorithm="sft"[^}]*\} (\d+)/.exec(text)?.[1]);
    const stored = (await h.store.listTrainingRuns()).filter((r) => r.algorithm === 'sft');
    // Every update of this trainer (the restarted one) is counted once per attempt it ran.
    expect(updates).toBeGreaterThan(0);
    expect(text).toMatch(/swirl_trainer_learner_steps_total\{[^}]*algorithm="sft"[^}]*\} \d+/);
    expect(stored.length).toBeGreaterThan(0);
    expect(text).toContain('swirl_trainer_update_seconds_bucket');
    expect(text).toContain('grpc_server_handled_total');
  });
});
