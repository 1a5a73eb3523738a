import { join } from 'node:path';
import { JobState } from '@swirl/proto';
import { openSqliteStore, type TrajectoryWithSteps } from '@swirl/store';
import { CoordinatorTestClient } from './testing/coordinator-client.test-support';
import { worldSynthesisSpec } from './testing/coordinator-under-test.test-support';
import { startServiceStack, type ServiceStack } from './testing/service-stack.test-support';
import { scrapeMetric, spawnService, type SpawnedService } from './testing/spawned-service.test-support';

/** Tool calls the tools service actually ran (refused or abandoned calls are not executions). */
async function executions(tools: SpawnedService): Promise<number> {
  let sum = 0;
  for (const outcome of ['ok', 'tool_error', 'timeout']) sum += await scrapeMetric(tools.metricsPort!, 'swirl_tool_executions_total', { outcome });
  return sum;
}

interface StoreSnapshot {
  readonly trajectories: Map<string, TrajectoryWithSteps>;
  /** Stored steps that carry a tool result (their tool call ran). */
  readonly toolSteps: number;
}

async function snapshot(path: string, jobId: string): Promise<StoreSnapshot> {
  const store = await openSqliteStore({ path });
  try {
    const trajectories = new Map<string, TrajectoryWithSteps>();
    for (const t of await store.listTrajectories({ jobId })) trajectories.set(t.id, (await store.getTrajectory(t.id))!);
    let toolSteps = 0;
    for (const t of trajectories.values()) toolSteps += t.steps.filter((s) => s.toolResult !== undefined).length;
    return { trajectories, toolSteps };
  } finally {
    await store.close();
  }
}

const stepText = (t: TrajectoryWithSteps) => t.steps.map((s) => JSON.stringify([s.index, s.action.text, s.action.toolCall?.callId ?? null, s.observation, s.seed ?? null]));

describe('a coordinator killed with SIGKILL mid-synthesis', () => {
  let stack: ServiceStack;

  beforeAll(async () => {
    stack = await startServiceStack();
  }, 300_000);
  afterAll(async () => {
    await stack?.dispose();
  });

  it('resumes the job on restart: no trajectory lost or duplicated, no tool call of a stored step repeated', async () => {
    const storePath = join(stack.scratch, 'crash.sqlite');
    const args = [`--store=${storePath}`, `--inference-target=${stack.inference.target}`, `--tools-target=${stack.tools.target}`, '--progress-interval-ms=50'];
    const tasks = 40;
    const samples = 4;

    const first = await spawnService('coordinator', args);
    const client = new CoordinatorTestClient(first.target);
    const job = await client.start(worldSynthesisSpec({ count: tasks, samples, seed: 11, concurrency: 8 }));
    // Kill once a few dozen trajectories are done and many are in flight or not started.
    await client.watch(job.id, (m, stream) => {
      if (m.job!.progress!.completed >= 25) stream.cancel();
    }).catch((err: { code?: number }) => {
      if (err.code !== 1) throw err; // CANCELLED: our own stream.cancel()
    });
    await first.crash();
    client.close();
    await new Promise((r) => setTimeout(r, 500));

    const executedBefore = await executions(stack.tools);
    const before = await snapshot(storePath, job.id);
    const unfinishedBefore = [...before.trajectories.values()].filter((t) => t.status === 'running');
    const finishedBefore = [...before.trajectories.values()].filter((t) => t.status !== 'running');
    expect(finishedBefore.length).toBeGreaterThanOrEqual(25);
    expect(finishedBefore.length).toBeLessThan(tasks * samples);
    expect(unfinishedBefore.length).toBeGreaterThan(0);
    // Steps stored before the crash whose tool calls already ran: none may run again.
    expect(executedBefore).toBeGreaterThanOrEqual(before.toolSteps);

    const second = await spawnService('coordinator', args);
    const client2 = new CoordinatorTestClient(second.target);
    try {
      const done = await client2.finish(job.id);
      expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
      expect(done.result?.result?.$case === 'synthesize' && done.result.result.value.trajectories).toBe(tasks * samples);
      expect(second.log()).toContain('"msg":"resuming job"');
    } finally {
      client2.close();
      await second.stop();
    }

    const executedAfter = await executions(stack.tools);
    const after = await snapshot(storePath, job.id);
    const all = [...after.trajectories.values()];
    expect(all).toHaveLength(tasks * samples);
    expect(new Set(all.map((t) => `${t.questionId}#${t.sampleIndex}`)).size).toBe(tasks * samples);
    expect(all.every((t) => t.status === 'finished')).toBe(true);
    for (const t of finishedBefore) {
      expect(after.trajectories.get(t.id)).toMatchObject({ finishReason: t.finishReason, stepCount: t.stepCount });
      expect(stepText(after.trajectories.get(t.id)!)).toEqual(stepText(t));
    }
    let continued = 0;
    for (const t of unfinishedBefore) {
      const resumed = after.trajectories.get(t.id)!;
      expect(stepText(resumed).slice(0, t.steps.length)).toEqual(stepText(t));
      if (t.steps.length > 0) continued += 1;
    }
    // The resumed trajectories held stored steps, so the check below is not vacuous.
    expect(continued).toBeGreaterThan(0);
    // Every execution after the crash produced exactly one newly stored step: the tool calls of
    // steps stored before the crash were not run again (only in-flight, unstored ones were redone).
    expect(executedAfter - executedBefore).toBe(after.toolSteps - before.toolSteps);
  }, 600_000);

  it('stops in-flight work on SIGTERM without cancelling: the job stays RUNNING and completes after a restart', async () => {
    const storePath = join(stack.scratch, 'graceful.sqlite');
    const args = [`--store=${storePath}`, `--inference-target=${stack.inference.target}`, `--tools-target=${stack.tools.target}`, '--progress-interval-ms=50'];
    const first = await spawnService('coordinator', args);
    const client = new CoordinatorTestClient(first.target);
    const job = await client.start(worldSynthesisSpec({ count: 30, samples: 4, seed: 12, concurrency: 8 }));
    let stopping: Promise<void> | undefined;
    // The watch ends with UNAVAILABLE when the coordinator shuts down under a running job.
    const watched = client.watch(job.id, (m) => {
      if (stopping === undefined && m.job!.progress!.completed >= 10) stopping = first.stop();
    });
    await expect(watched).rejects.toMatchObject({ code: 14 });
    await stopping;
    client.close();
    expect(first.child.exitCode).toBe(0);

    const store = await openSqliteStore({ path: storePath });
    try {
      expect((await store.getJob(job.id))!.status).toBe('running');
      const trajectories = await store.listTrajectories({ jobId: job.id });
      expect(trajectories.some((t) => t.finishReason === 'cancelled')).toBe(false);
      expect(trajectories.length).toBeLessThan(120);
    } finally {
      await store.close();
    }

    const second = await spawnService('coordinator', args);
    const client2 = new CoordinatorTestClient(second.target);
    try {
      expect((await client2.finish(job.id)).state).toBe(JobState.JOB_STATE_SUCCEEDED);
    } finally {
      client2.close();
      await second.stop();
    }
    const after = await snapshot(storePath, job.id);
    expect(after.trajectories.size).toBe(120);
    expect([...after.trajectories.values()].every((t) => t.status === 'finished')).toBe(true);
  }, 600_000);
});
