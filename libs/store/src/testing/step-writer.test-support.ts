/**
 * A child process for the crash and concurrency tests: opens the store, then writes
 * trajectories step by step, printing `ack <trajectory id>/<index>` after each appendStep has
 * committed (stdout to a pipe is synchronous on Linux, so an ack is never ahead of its commit).
 *
 *   node --conditions=@swirl/source -r @swc-node/register step-writer.test-support.ts \
 *     --db FILE --job ID --sample N --questions N --steps N [--wait]
 *
 * With --wait it prints `ready` after opening and waits for a line on stdin before writing, so
 * two writers can be started on the same instant.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../sqlite/open-sqlite-store';
import { sampleJob, sampleQuestion, sampleStep, sampleTrajectory } from './store-fixtures.test-support';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      job: { type: 'string', default: 'job-w' },
      sample: { type: 'string', default: '0' },
      questions: { type: 'string', default: '10' },
      steps: { type: 'string', default: '5' },
      wait: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new Error('--db is required');
  const sample = Number(values.sample);
  const steps = Number(values.steps);
  const store = await openSqliteStore({ path: values.db, busyTimeoutMs: 20_000 });
  const questions = Array.from({ length: Number(values.questions) }, (_, i) => sampleQuestion(`wq-${i}`));
  await store.upsertQuestions(questions);
  await store.createJob(sampleJob(values.job!));
  process.stdout.write('ready\n');
  if (values.wait) {
    const input = createInterface({ input: process.stdin });
    await once(input, 'line');
    input.close();
  }
  for (const question of questions) {
    const trajectoryId = `${values.job}/${question.id}/s${sample}`;
    await store.startTrajectory(sampleTrajectory(trajectoryId, values.job!, question.id, { sampleIndex: sample, maxSteps: steps }));
    for (let index = 0; index < steps; index++) {
      await store.appendStep(sampleStep(trajectoryId, index));
      process.stdout.write(`ack ${trajectoryId}/${index}\n`);
    }
    await store.finishTrajectory(trajectoryId, { finishReason: 'step_cap' });
  }
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
