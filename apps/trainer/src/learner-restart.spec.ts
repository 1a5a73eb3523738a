import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LearnerState, ModelState, RunState, TrainingAlgorithm } from '@swirl/proto';
import { freePort, type ChildService } from './testing/child-service.test-support';
import { seedMiniDataset, type SeededDataset } from './testing/mini-dataset.test-support';
import { miniPolicyDir } from './testing/mini-policy.test-support';
import { startInference, startJudge, startLearner } from './testing/services.test-support';
import { BASE, TrainerHarness } from './testing/trainer-harness.test-support';
import type { UpdateRecord } from './training/update-log';

jest.setTimeout(300_000);

describe('a run survives kill -9 of the learner', () => {
  let port: number;
  let learner: ChildService;
  let inference: ChildService;
  let judge: ChildService;
  let h: TrainerHarness;
  let data: SeededDataset;

  beforeAll(async () => {
    port = await freePort();
    [learner, inference, judge] = await Promise.all([startLearner(port), startInference([`${BASE.name}@${BASE.version}=${miniPolicyDir()}`]), startJudge()]);
    h = new TrainerHarness({ learner, inference, judge });
    await h.start();
    data = await seedMiniDataset(h.store, h.services.inference, BASE, { id: 'kill', trajectories: 6, seed: 4 });
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all([learner?.stop(), inference?.stop(), judge?.stop()]);
  });

  it('SWIRL: resumes from the last checkpoint on a new learner at the same address and completes', async () => {
    const total = 8;
    const created = await h.createRun({
      requestId: 'kill-1',
      datasetVersionId: data.datasetVersionId,
      algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL,
      hyperParameters: { samplesPerState: 2, statesPerBatch: 4, updates: total, exportEvery: 1, checkpointEvery: 2, learningRate: 1e-4, seed: 3, sampling: { maxNewTokens: 96, stopSequences: [], ignoreEos: false } } as never,
    });
    const killed = new Promise<void>((resolve, reject) => {
      h.watch(created.id, 1, (event) => {
        if (event.event?.$case === 'checkpointSaved' && event.event.value.step === 2) learner.kill9().then(resolve, reject);
      }).catch(reject);
    });
    await killed;
    const lastCheckpoint = (await h.store.latestCheckpoint(created.id))!.step;
    expect(lastCheckpoint).toBeLessThan(total);
    // A new learner process on the same address: it knows nothing of the run.
    learner = await startLearner(port);

    const run = await h.waitTerminal(created.id);
    expect({ state: RunState[run.state], error: run.errorMessage }).toEqual({ state: 'RUN_STATE_SUCCEEDED', error: '' });
    expect(run.completedUpdates).toBe(total);
    expect(h.logLines.some((l) => l.includes('learner lost the session; resuming from the last checkpoint'))).toBe(true);

    // Updates after the last checkpoint were redone as attempt 1, from that checkpoint's state.
    const metrics = await h.store.listRunMetrics(created.id);
    expect(metrics.filter((m) => m.attempt === 1).map((m) => m.step)).toEqual(Array.from({ length: total - lastCheckpoint }, (_, i) => lastCheckpoint + 1 + i));
    const checkpoints = await h.store.listCheckpoints(created.id);
    expect(checkpoints.map((c) => c.step)).toEqual([2, 4, 6, 8]);
    const log = readFileSync(join(h.artifactsDir, 'runs', created.id, 'updates.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as UpdateRecord);
    const redone = log.filter((r) => r.attempt === 1);
    // The first redone update samples from the policy exported at the checkpoint, reloaded into inference.
    expect(redone[0]!.update).toBe(lastCheckpoint + 1);
    for (const s of redone[0]!.states) expect(s.model).toBe(`mini@${created.id}/update-${lastCheckpoint}`);
    // The learner step continues from the checkpoint's (empty updates do not advance it).
    const stepAtCheckpoint = metrics.find((m) => m.step === lastCheckpoint && m.attempt === 0)!.values['learner_step']!;
    let step = stepAtCheckpoint;
    for (const m of metrics.filter((x) => x.attempt === 1)) {
      step += m.values['trained']!;
      expect(m.values['learner_step']).toBe(step);
    }
    // Exports of redone updates replace those of the abandoned attempt in inference.
    const { model } = await h.services.inference.getModel({ model: { name: 'mini', version: `${created.id}/update-${total}` } });
    expect(model).toMatchObject({ state: ModelState.MODEL_STATE_READY });
    expect(model!.sourceUri).toBe(join(h.artifactsDir, 'exports', created.id, `update-${total}.attempt-1`));

    // The new learner holds the run's session at its last step.
    const { status } = await h.services.learner.getStatus();
    expect(status).toMatchObject({ state: LearnerState.LEARNER_STATE_READY, runId: created.id, step: metrics.find((m) => m.step === total && m.attempt === 1)!.values['learner_step'] });
    const text = await (await fetch(`http://127.0.0.1:${h.trainer.metricsPort}/metrics`)).text();
    expect(text).toMatch(/swirl_trainer_learner_recoveries_total\{[^}]*\} 1\n/);
  });
});
