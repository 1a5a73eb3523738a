import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import {
  JobKind,
  JobSpec,
  JobState,
  TaskFamily,
  TrajectoryFinishReason,
  TrajectoryView,
  type ListJobsRequest,
  type ListTrajectoriesRequest,
} from '@swirl/proto';
import { openSqliteStore } from '@swirl/store';
import { unaryCall } from '../clients/unary-call';
import { startCoordinator, worldSynthesisSpec, type CoordinatorUnderTest } from '../testing/coordinator-under-test.test-support';
import { isTerminalState } from '../testing/coordinator-client.test-support';
import { POLICY, startServiceStack, WORLD_SEED, type ServiceStack } from '../testing/service-stack.test-support';
import { scrapeMetric } from '../testing/spawned-service.test-support';

const worldTasks = { source: { $case: 'syntheticWorld' as const, value: { seed: WORLD_SEED, split: 'train', count: 2, family: TaskFamily.TASK_FAMILY_UNSPECIFIED } }, limit: 0, offset: 0 };
const synth = (value: object) => JobSpec.fromPartial({ spec: { $case: 'synthesize', value: { tasks: worldTasks, policy: { ...POLICY }, ...value } } });

describe('CoordinatorService jobs and reads over gRPC', () => {
  let stack: ServiceStack;
  let coordinator: CoordinatorUnderTest;
  let doneJobId: string;

  beforeAll(async () => {
    stack = await startServiceStack();
    coordinator = await startCoordinator(stack, 'service');
    const job = await coordinator.client.start(worldSynthesisSpec({ count: 8, samples: 2, seed: 3 }), 'finished-job', 'a finished job');
    doneJobId = (await coordinator.client.finish(job.id)).id;
  }, 300_000);
  afterAll(async () => {
    await coordinator?.stop();
    await stack?.dispose();
  });

  const startFails = (spec: JobSpec | undefined, code: status, details: string | RegExp, requestId = `bad-${Math.random()}`) =>
    expect(unaryCall(coordinator.client.raw.startJob.bind(coordinator.client.raw), { requestId, spec, displayName: '' })).rejects.toMatchObject({
      code,
      details: typeof details === 'string' ? details : expect.stringMatching(details),
    });

  it.each([
    ['an empty request_id', worldSynthesisSpec({ count: 1, samples: 1 }), status.INVALID_ARGUMENT, /^request_id is required/, ''],
    ['no spec', undefined, status.INVALID_ARGUMENT, 'spec is required and must set one of synthesize, judge, filter, evaluate or pipeline', undefined],
    ['an empty spec', JobSpec.fromPartial({}), status.INVALID_ARGUMENT, 'spec is required and must set one of synthesize, judge, filter, evaluate or pipeline', undefined],
    ['no task source', JobSpec.fromPartial({ spec: { $case: 'synthesize', value: {} } }), status.INVALID_ARGUMENT, /^synthesize.tasks must name a task source/, undefined],
    ['too many samples', synth({ samplesPerTask: 65 }), status.INVALID_ARGUMENT, 'synthesize.samples_per_task must be at most 64, got 65', undefined],
    ['a step cap above 50', synth({ stepCaps: { math: 51, multiHopQa: 0 } }), status.INVALID_ARGUMENT, 'synthesize.step_caps.math must be at most 50, got 51', undefined],
    ['a temperature above 5', synth({ sampling: { temperature: 9, stopSequences: [] } }), status.INVALID_ARGUMENT, 'synthesize.sampling.temperature must be in [0, 5], got 9', undefined],
    ['an unknown prompt version', synth({ promptVersion: 'v0' }), status.INVALID_ARGUMENT, /^synthesize.prompt_version "v0" is unknown; known prompt versions: swirl-world-prompts\/1, swirl-benchmark-prompts\/1$/, undefined],
    ['an unknown model', synth({ policy: { name: 'nobody', version: '' } }), status.NOT_FOUND, /^synthesize.policy nobody@\(active version\) is not loaded in the inference service/, undefined],
    ['an unknown benchmark split', synth({ tasks: { source: { $case: 'hotpotqa', value: { split: 'validation' } } } }), status.NOT_FOUND, /^hotpotqa has no split "validation"; splits: dev, train, dev-simplified$/, undefined],
    ['a missing JSONL file', synth({ tasks: { source: { $case: 'jsonl', value: { path: '/nonexistent/tasks.jsonl' } } } }), status.NOT_FOUND, 'task file /nonexistent/tasks.jsonl does not exist', undefined],
    ['an evaluation without models', JobSpec.fromPartial({ spec: { $case: 'evaluate', value: { tasks: worldTasks } } }), status.INVALID_ARGUMENT, /^evaluate.models needs at least one model/, undefined],
    ['a PIPELINE job without a judge service', JobSpec.fromPartial({ spec: { $case: 'pipeline', value: {} } }), status.UNIMPLEMENTED, /^PIPELINE jobs need the judge service.*--judge-target/, undefined],
    ['a JUDGE job without a judge service', JobSpec.fromPartial({ spec: { $case: 'judge', value: {} } }), status.UNIMPLEMENTED, /^JUDGE jobs needs the judge service.*--judge-target/, undefined],
  ])('refuses %s with a status and a message that says what to fix', async (_name, spec, code, details, requestId: string | undefined) => {
    await startFails(spec, code, details, requestId);
  });

  it('is idempotent by request_id: a repeat returns the original job, another spec is ALREADY_EXISTS', async () => {
    const again = await coordinator.client.start(worldSynthesisSpec({ count: 8, samples: 2, seed: 3 }), 'finished-job', 'a finished job');
    expect(again.id).toBe(doneJobId);
    expect(again.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    await startFails(worldSynthesisSpec({ count: 8, samples: 2, seed: 4 }), status.ALREADY_EXISTS, /^request_id finished-job already started job job-.* with a different spec/, 'finished-job');
  });

  it('never rewrites a stored task: a JSONL file changed under the same ids is ALREADY_EXISTS', async () => {
    const path = join(stack.scratch, 'changing.jsonl');
    const write = (question: string) => writeFileSync(path, JSON.stringify({ id: 'q1', question, answer: '7', family: 'math' }) + '\n');
    const spec = synth({ tasks: { source: { $case: 'jsonl', value: { path } } }, samplesPerTask: 1 });
    write('What is 3 + 4?');
    expect((await coordinator.client.finish((await coordinator.client.start(spec)).id)).state).toBe(JobState.JOB_STATE_SUCCEEDED);
    write('What is 2 + 5?');
    await startFails(spec, status.ALREADY_EXISTS, /jsonl:changing\.jsonl\/q1/);
  });

  it('records the spec with defaults resolved: drawn seed, concrete model, prompt version, caps', async () => {
    const job = await coordinator.client.start(synth({ samplesPerTask: 1, policy: { name: POLICY.name, version: '' } }));
    expect(job.spec!.spec).toMatchObject({
      $case: 'synthesize',
      value: { samplesPerTask: 1, concurrency: 8, promptVersion: 'swirl-world-prompts/1', stepCaps: { multiHopQa: 5, math: 10 }, policy: { name: POLICY.name, version: expect.stringMatching(/^v[12]$/) } },
    });
    const sampling = job.spec!.spec?.$case === 'synthesize' ? job.spec!.spec.value.sampling : undefined;
    expect(sampling).toMatchObject({ temperature: 1, maxNewTokens: 256, stopSequences: ['</search_query>', '</math_exp>', '</answer>'], seed: expect.any(Number) });
    expect((await coordinator.client.finish(job.id)).state).toBe(JobState.JOB_STATE_SUCCEEDED);
  });

  it('streams snapshots until the terminal state, then ends', async () => {
    const job = await coordinator.client.start(worldSynthesisSpec({ count: 10, samples: 2, seed: 5, concurrency: 2 }));
    const messages = await coordinator.client.watch(job.id);
    expect(messages.map((m) => m.sequence)).toEqual(messages.map((_, i) => i + 1));
    const last = messages[messages.length - 1]!.job!;
    expect(last.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    expect(messages.slice(0, -1).every((m) => !isTerminalState(m.job!.state))).toBe(true);
    expect(last.progress).toMatchObject({ stage: 'synthesize', unit: 'trajectories', completed: 20, total: 20, failed: 0 });
    const completed = messages.map((m) => m.job!.progress!.completed);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(messages.length).toBeGreaterThan(2);
    expect(messages[messages.length - 1]!.message).toMatch(/^job succeeded/);
    // A late watcher gets one snapshot of the finished job.
    expect(await coordinator.client.watch(job.id)).toHaveLength(1);
  });

  it('cancels a running job promptly: in-flight trajectories end CANCELLED, stored work is kept', async () => {
    const job = await coordinator.client.start(worldSynthesisSpec({ count: 300, samples: 5, seed: 9, concurrency: 8 }));
    let cancelled: Promise<{ state: JobState }> | undefined;
    const messages = await coordinator.client.watch(job.id, (m) => {
      if (cancelled === undefined && m.job!.progress!.completed >= 10) cancelled = coordinator.client.cancel(job.id);
    });
    expect([JobState.JOB_STATE_CANCELLING, JobState.JOB_STATE_CANCELLED]).toContain((await cancelled!).state);
    expect(messages[messages.length - 1]!.job!.state).toBe(JobState.JOB_STATE_CANCELLED);
    expect((await coordinator.client.cancel(job.id)).state).toBe(JobState.JOB_STATE_CANCELLED);
    const store = await openSqliteStore({ path: coordinator.storePath });
    try {
      const trajectories = await store.listTrajectories({ jobId: job.id });
      expect(trajectories.length).toBeLessThan(1500);
      expect(trajectories.every((t) => t.status !== 'running')).toBe(true);
      expect(trajectories.filter((t) => t.finishReason === 'cancelled').length).toBeGreaterThan(0);
      expect(trajectories.filter((t) => t.status === 'finished').length).toBeGreaterThanOrEqual(10);
    } finally {
      await store.close();
    }
    await expect(coordinator.client.cancel(doneJobId)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringContaining('already SUCCEEDED') });
    await expect(coordinator.client.cancel('job-nope')).rejects.toMatchObject({ code: status.NOT_FOUND, details: 'job job-nope does not exist' });
  });

  it('answers WatchJob for an unknown job with NOT_FOUND', async () => {
    await expect(coordinator.client.watch('job-nope')).rejects.toMatchObject({ code: status.NOT_FOUND, details: 'job job-nope does not exist' });
  });

  it('ends a watch cleanly when the client cancels it', async () => {
    const job = await coordinator.client.start(worldSynthesisSpec({ count: 100, samples: 5, seed: 2 }));
    await expect(coordinator.client.watch(job.id, (_m, stream) => stream.cancel())).rejects.toMatchObject({ code: status.CANCELLED });
    await coordinator.client.cancel(job.id);
    expect((await coordinator.client.finish(job.id)).state).toBe(JobState.JOB_STATE_CANCELLED);
    const port = coordinator.service.metricsPort!;
    expect(await scrapeMetric(port, 'grpc_server_handled_total', { grpc_method: 'WatchJob', grpc_code: 'Canceled' })).toBeGreaterThanOrEqual(1);
    expect(await scrapeMetric(port, 'grpc_server_handled_total', { grpc_method: 'WatchJob', grpc_code: 'Internal' })).toBe(0);
    await expect(unaryCall(coordinator.client.raw.getJob.bind(coordinator.client.raw), { jobId: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('lists jobs newest first, filtered and paged; a token reused with other filters is refused', async () => {
    const list = (req: Partial<ListJobsRequest>) => unaryCall(coordinator.client.raw.listJobs.bind(coordinator.client.raw), { pageSize: 0, pageToken: '', kind: 0, state: 0, ...req });
    const all = (await list({ pageSize: 500 })).jobs;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const times = all.map((j) => j.createTime!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const paged = [];
    let pageToken = '';
    do {
      const res = await list({ pageSize: 2, pageToken });
      paged.push(...res.jobs);
      pageToken = res.nextPageToken;
    } while (pageToken !== '');
    expect(paged.map((j) => j.id)).toEqual(all.map((j) => j.id));
    const cancelled = (await list({ state: JobState.JOB_STATE_CANCELLED })).jobs;
    expect(cancelled.length).toBe(2);
    expect((await list({ kind: JobKind.JOB_KIND_EVALUATE })).jobs).toEqual([]);
    const token = (await list({ pageSize: 1 })).nextPageToken;
    await expect(list({ pageSize: 1, pageToken: token, kind: JobKind.JOB_KIND_SYNTHESIZE })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('serves stored trajectories: filters, paging with a total, BASIC and FULL views', async () => {
    const raw = coordinator.client.raw;
    const list = (req: Partial<ListTrajectoriesRequest>) =>
      unaryCall(raw.listTrajectories.bind(raw), { pageSize: 0, pageToken: '', jobId: doneJobId, datasetVersionId: '', taskId: '', family: 0, finishReason: 0, view: 0, ...req });
    const basic = await list({ pageSize: 200 });
    expect(basic.totalSize).toBe(16);
    expect(basic.trajectories).toHaveLength(16);
    expect(basic.trajectories.every((t) => t.steps.every((s) => s.actionTokenIds.length === 0 && s.prefix!.tokenIds.length === 0))).toBe(true);
    const math = await list({ family: TaskFamily.TASK_FAMILY_MATH, pageSize: 3 });
    expect(math.totalSize).toBe(8);
    expect(math.trajectories.every((t) => t.task!.family === TaskFamily.TASK_FAMILY_MATH)).toBe(true);
    const stepCapped = await list({ finishReason: TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_STEP_CAP, pageSize: 200 });
    expect(stepCapped.trajectories.every((t) => t.steps.length === t.maxSteps)).toBe(true);
    const oneTask = await list({ taskId: basic.trajectories[0]!.task!.id });
    expect(oneTask.trajectories.map((t) => t.sampleIndex).sort()).toEqual([0, 1]);
    const full = await unaryCall(raw.getTrajectory.bind(raw), { trajectoryId: basic.trajectories[0]!.id, view: 0 });
    expect(full.trajectory!.steps[0]!.actionTokenIds.length).toBeGreaterThan(0);
    const trimmed = await unaryCall(raw.getTrajectory.bind(raw), { trajectoryId: basic.trajectories[0]!.id, view: TrajectoryView.TRAJECTORY_VIEW_BASIC });
    expect(trimmed.trajectory!.steps[0]!.actionTokenIds).toEqual([]);
    expect({ ...trimmed.trajectory!, steps: [] }).toEqual({ ...full.trajectory!, steps: [] });
    await expect(unaryCall(raw.getTrajectory.bind(raw), { trajectoryId: 'trj-nope', view: 0 })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(list({ jobId: 'job-nope' })).rejects.toMatchObject({ code: status.NOT_FOUND, details: 'job job-nope does not exist' });
    await expect(list({ datasetVersionId: 'ds-nope' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('counts jobs, trajectories, steps, tool calls and tokens on /metrics', async () => {
    const port = coordinator.service.metricsPort!;
    expect(await scrapeMetric(port, 'swirl_coordinator_jobs', { kind: 'synthesize', state: 'succeeded' })).toBeGreaterThanOrEqual(3);
    expect(await scrapeMetric(port, 'swirl_coordinator_jobs', { kind: 'synthesize', state: 'cancelled' })).toBe(2);
    const trajectories = await scrapeMetric(port, 'swirl_coordinator_trajectories_total', { kind: 'synthesize' });
    expect(trajectories).toBeGreaterThanOrEqual(16 + 2 + 20);
    expect(await scrapeMetric(port, 'swirl_coordinator_steps_total')).toBeGreaterThan(trajectories);
    expect(await scrapeMetric(port, 'swirl_coordinator_tool_calls_total', { tool: 'calculator', status: 'ok' })).toBeGreaterThan(0);
    expect(await scrapeMetric(port, 'swirl_coordinator_generated_tokens_total')).toBeGreaterThan(0);
    expect(await scrapeMetric(port, 'swirl_coordinator_synthesis_trajectories_per_second')).toBeGreaterThan(0);
  });
});
