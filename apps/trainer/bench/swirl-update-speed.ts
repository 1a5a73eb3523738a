/**
 * Where the time of a SWIRL update goes, on the real services: a learner, the inference service
 * with the trainer's test policy (1 layer, hidden 32, byte tokenizer), the rules judge and a
 * SQLite store, driven by an in-process trainer. Prints seconds per update and the share of
 * each phase (sampling, judging, learner, export + hot-load + checkpoint, the trainer's own
 * bookkeeping), so a regression in any of them shows as a ratio.
 *
 *   node --conditions=@swirl/source -r @swc-node/register apps/trainer/bench/swirl-update-speed.ts \
 *     [--updates 6] [--states 8] [--samples 4] [--export-every 1]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RunState, TrainingAlgorithm } from '@swirl/proto';
import { seedMiniDataset } from '../src/testing/mini-dataset.test-support';
import { miniPolicyDir } from '../src/testing/mini-policy.test-support';
import { startInference, startJudge, startLearner } from '../src/testing/services.test-support';
import { BASE, TrainerHarness } from '../src/testing/trainer-harness.test-support';
import { fromStoredValues } from '../src/training/update-metrics';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { updates: { type: 'string', default: '6' }, states: { type: 'string', default: '8' }, samples: { type: 'string', default: '4' }, 'export-every': { type: 'string', default: '1' } } });
  const [updates, states, samples, exportEvery] = [values.updates, values.states, values.samples, values['export-every']].map(Number) as [number, number, number, number];
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const [learner, inference, judge] = await Promise.all([startLearner(), startInference([`${BASE.name}@${BASE.version}=${miniPolicyDir()}`]), startJudge()]);
  const h = new TrainerHarness({ learner, inference, judge });
  try {
    await h.start(['--log-level=warn']);
    const data = await seedMiniDataset(h.store, h.services.inference, BASE, { id: 'bench', trajectories: 32, seed: 21 });
    const started = performance.now();
    const run = await h.createRun({
      requestId: 'bench',
      datasetVersionId: data.datasetVersionId,
      algorithm: TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL,
      hyperParameters: { samplesPerState: samples, statesPerBatch: states, updates, exportEvery, learningRate: 1e-4, seed: 1, sampling: { maxNewTokens: 96, stopSequences: [], ignoreEos: false } } as never,
    });
    const events = await h.watch(run.id, 1);
    const done = await h.getRun(run.id);
    const wall = (performance.now() - started) / 1000;
    if (done.state !== RunState.RUN_STATE_SUCCEEDED) throw new Error(`run ended ${RunState[done.state]}: ${done.errorMessage}`);
    const metrics = (await h.store.listRunMetrics(run.id)).map((m) => fromStoredValues(m.step, m.values));
    const sum = (f: (m: (typeof metrics)[number]) => number) => metrics.reduce((a, m) => a + f(m), 0);
    const sample = sum((m) => m.sampleSeconds);
    const judging = sum((m) => m.judgeSeconds);
    const learning = sum((m) => m.learnerSeconds);
    const inUpdates = sum((m) => m.updateSeconds);
    // Until the first update starts: load the dataset, Init the learner (weights and the KL reference).
    const firstProgress = events.find((e) => e.event?.$case === 'progress')!;
    const init = (firstProgress.eventTime!.getTime() - done.createTime!.getTime()) / 1000 - metrics[0]!.updateSeconds;
    const between = wall - init - inUpdates;
    const exportsDone = events.filter((e) => e.event?.$case === 'modelExported').length;
    const tokens = readFileSync(join(h.artifactsDir, 'runs', run.id, 'updates.jsonl'), 'utf8').split('\n').filter(Boolean).flatMap((l) => (JSON.parse(l) as { states: { samples: { tokens: number }[] }[] }).states.flatMap((s) => s.samples.map((x) => x.tokens)));
    const generated = tokens.reduce((a, b) => a + b, 0);
    out(`SWIRL on the test policy: ${updates} updates x ${states} states x G=${samples}, export every ${exportEvery}`);
    out(`  wall ${wall.toFixed(1)} s from CreateRun to SUCCEEDED = ${(wall / updates).toFixed(2)} s/update`);
    out(`  sampling   ${(sample / updates).toFixed(3)} s/update  ${((100 * sample) / wall).toFixed(0)}%  (${(generated / sample).toFixed(0)} generated tokens/s, ${(tokens.length / sample).toFixed(1)} samples/s)`);
    out(`  judging    ${(judging / updates).toFixed(3)} s/update  ${((100 * judging) / wall).toFixed(0)}%`);
    out(`  learner    ${(learning / updates).toFixed(3)} s/update  ${((100 * learning) / wall).toFixed(0)}%  (${sum((m) => m.sequences)} sequences, ${sum((m) => m.lossTokens)} trained tokens)`);
    out(`  between updates (${exportsDone} exports + hot-loads, their checkpoints, records): ${(between / updates).toFixed(3)} s/update  ${((100 * between) / wall).toFixed(0)}%`);
    out(`  run start (dataset, learner Init with the reference): ${init.toFixed(2)} s  ${((100 * init) / wall).toFixed(0)}%`);
    out(`  groups without signal: ${sum((m) => m.groupsSkipped)} of ${updates * states}; mean reward ${(sum((m) => m.meanReward) / updates).toFixed(3)}`);
  } finally {
    await h.close();
    await Promise.all([learner.stop(), inference.stop(), judge.stop()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
