import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { ModelState, RunState, TaskFamily, TrainingAlgorithm, VerdictLabel, type RunModelExported, type RunMetrics as ProtoRunMetrics } from '@swirl/proto';
import type { ChildService } from './testing/child-service.test-support';
import { seedMiniDataset, type SeededDataset } from './testing/mini-dataset.test-support';
import { miniPolicyDir } from './testing/mini-policy.test-support';
import { startInference, startJudge, startLearner } from './testing/services.test-support';
import { BASE, TrainerHarness } from './testing/trainer-harness.test-support';
import { groupAdvantages } from './training/group-advantages';
import type { UpdateRecord } from './training/update-log';

jest.setTimeout(300_000);

describe('a SWIRL run against a real learner, inference service, judge and store', () => {
  let learner: ChildService;
  let inference: ChildService;
  let judge: ChildService;
  let h: TrainerHarness;
  let data: SeededDataset;

  beforeAll(async () => {
    [learner, inference, judge] = await Promise.all([startLearner(), startInference([`${BASE.name}@${BASE.version}=${miniPolicyDir()}`]), startJudge()]);
    h = new TrainerHarness({ learner, inference, judge });
    await h.start();
    data = await seedMiniDataset(h.store, h.services.inference, BASE, { id: 'swirl', trajectories: 8, seed: 5 });
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all([learner?.stop(), inference?.stop(), judge?.stop()]);
  });

  it('samples fresh actions, rewards them with the judge, trains on group advantages and publishes each update', async () => {
    const created = await h.createRun({
      requestId: 'swirl-1',
      datasetVersionId: data.datasetVersionId,
      algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL,
      hyperParameters: { samplesPerState: 2, statesPerBatch: 4, updates: 3, exportEvery: 1, learningRate: 1e-4, seed: 11, sampling: { maxNewTokens: 96, stopSequences: [], ignoreEos: false } } as never,
      activateExports: true,
    });
    expect(created.rewardJudge).toMatch(/^rules@./); // id@version of the judge's rules
    const events = await h.watch(created.id, 1);
    const run = await h.getRun(created.id);
    expect({ state: RunState[run.state], error: run.errorMessage }).toEqual({ state: 'RUN_STATE_SUCCEEDED', error: '' });
    expect(run.completedUpdates).toBe(3);
    expect(run.hyperParameters).toMatchObject({ samplesPerState: 2, klCoef: 0.02, clipEpsilon: 0.2, seed: 11, checkpointEvery: 1, sampling: { temperature: 1, maxNewTokens: 96 } });

    const log = readFileSync(join(h.artifactsDir, 'runs', run.id, 'updates.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as UpdateRecord);
    expect(log.map((r) => [r.update, r.attempt])).toEqual([[1, 0], [2, 0], [3, 0]]);
    const byId = new Map(data.examples.map((e) => [e.id, e]));
    const metrics = await h.store.listRunMetrics(run.id);
    let trainedGroups = 0;
    for (const [u, record] of log.entries()) {
      expect(record.states).toHaveLength(4);
      expect(record.skippedStates).toEqual([]);
      // Sampling is on-policy (K = 1): update 1 samples the base, update n the export of update n - 1.
      for (const state of record.states) expect(state.model).toBe(u === 0 ? 'mini@base' : `mini@${run.id}/update-${u}`);

      // The rewards are the judge's scores for exactly these (state, action) pairs.
      const items = record.states.flatMap((s) => s.samples.map((x) => ({ state: byId.get(s.example)!.state, text: x.text })));
      const { judgments } = await h.services.judge.judgeSteps({
        judgeId: 'rules',
        samples: 0,
        bypassCache: true,
        judgeModel: undefined,
        items: items.map((item, i) => ({ itemId: String(i), prefix: [...item.state], actionText: item.text, task: { id: 't', family: TaskFamily.TASK_FAMILY_MULTI_HOP_QA, question: '', goldAnswers: [], dataset: '', split: '', corpus: '', metadata: undefined } })),
      });
      const samples = record.states.flatMap((s) => s.samples);
      expect(samples.map((x) => x.reward)).toEqual(judgments.map((j) => j.verdict!.score));
      expect(samples.map((x) => x.label)).toEqual(judgments.map((j) => VerdictLabel[j.verdict!.label]));

      // The advantages sent are the group-normalised rewards; groups with equal rewards were left out.
      let sequences = 0;
      let lossTokens = 0;
      for (const state of record.states) {
        const expected = groupAdvantages(state.samples.map((x) => x.reward), 2);
        if (expected === undefined) expect(state.samples.every((x) => x.advantage === null)).toBe(true);
        else {
          trainedGroups++;
          state.samples.forEach((x, i) => expect(x.advantage).toBeCloseTo(expected[i]!, 6));
          sequences += state.samples.length;
          lossTokens += state.samples.reduce((a, x) => a + x.tokens, 0);
        }
      }
      // The learner trained on exactly those sequences and their action tokens.
      if (sequences === 0) expect(record.learner).toBeNull();
      else expect(record.learner).toMatchObject({ sequences, lossTokens, replayed: false });

      const stored = metrics.find((m) => m.step === u + 1 && m.attempt === 0)!.values;
      const rewards = samples.map((x) => x.reward);
      expect(stored['mean_reward']).toBeCloseTo(rewards.reduce((a, b) => a + b, 0) / rewards.length, 9);
      expect(stored['accept_rate']).toBeCloseTo(samples.filter((x) => x.label === 'VERDICT_LABEL_GOOD').length / samples.length, 9);
      expect(stored['groups_skipped']).toBe(record.states.filter((s) => s.samples[0]!.advantage === null).length);
      expect(stored['zero_signal_fraction']).toBeCloseTo(stored['groups_skipped']! / 4, 9);
      expect(stored).toMatchObject({ samples: 8, exported: 1, checkpointed: 1, trained: sequences > 0 ? 1 : 0, sequences });
      if (sequences > 0) {
        // The sampling log-probs are the PPO "old" policy: on-policy, the learner's own log-probs
        // match them (ONNX vs PyTorch), so the ratio is ~1 and nothing is clipped.
        expect(Math.abs(stored['mean_ratio']! - 1)).toBeLessThan(1e-3);
        expect(stored['clip_fraction']).toBe(0);
        // KL to the base: nil while the policy still is the base, positive once it has moved.
        if (u === 0) expect(stored['kl']).toBeLessThan(1e-6);
        else expect(stored['kl']).toBeGreaterThan(0);
      }
    }
    // The data gives a learning signal: some groups had different rewards and were trained on,
    // also after the first export (so the ratio check above covered an exported, trained policy).
    expect(trainedGroups).toBeGreaterThan(0);
    expect(log.slice(1).some((r) => r.learner !== null)).toBe(true);

    // Progress events carry the stored metrics; each update was exported, activated and loaded.
    const progress = events.filter((e) => e.event!.$case === 'progress').map((e) => e.event!.value as ProtoRunMetrics);
    expect(progress.map((p) => p.update)).toEqual([1, 2, 3]);
    progress.forEach((p, i) => expect(p.meanReward).toBeCloseTo(metrics.find((m) => m.step === i + 1)!.values['mean_reward']!, 9));
    const exported = events.filter((e) => e.event!.$case === 'modelExported').map((e) => e.event!.value as RunModelExported);
    expect(exported.map((x) => [x.update, x.model!.version, x.activated])).toEqual([1, 2, 3].map((u) => [u, `${run.id}/update-${u}`, true]));
    // Only the newest export stays loaded: each superseded one was unloaded once the next served.
    const { model: newest } = await h.services.inference.getModel({ model: exported[2]!.model });
    expect(newest).toMatchObject({ state: ModelState.MODEL_STATE_READY, sourceUri: exported[2]!.modelPath });
    for (const x of exported.slice(0, 2)) {
      await expect(h.services.inference.getModel({ model: x.model })).rejects.toMatchObject({ code: status.NOT_FOUND });
    }
    const active = await h.services.inference.getModel({ model: { name: 'mini', version: '' } });
    expect(active.model!.model!.version).toBe(`${run.id}/update-3`);
    expect(run.latestModel).toEqual({ name: 'mini', version: `${run.id}/update-3` });
    const { checkpoints } = await h.call(h.client.listCheckpoints, { runId: run.id, pageSize: 2, pageToken: '' });
    expect(checkpoints.map((c) => c.step)).toEqual([1, 2]);
  });

  it('refuses an unknown reward judge with NOT_FOUND naming the judges there are', async () => {
    await expect(
      h.createRun({ requestId: 'swirl-bad-judge', datasetVersionId: data.datasetVersionId, algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL, rewardJudgeId: 'oracle' }),
    ).rejects.toMatchObject({ code: status.NOT_FOUND, details: expect.stringContaining('reward judge "oracle" is not a process judge of the judge service (process judges: rules)') });
  });
});
