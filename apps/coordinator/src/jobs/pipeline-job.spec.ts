import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { createClient } from '@swirl/grpc-kit';
import {
  FilterStrategy,
  JobKind,
  JobSpec,
  JobState,
  RunState,
  TaskFamily,
  TrainerServiceClient,
  type Job,
  type ListRunsResponse,
  type PipelineResult,
  type Run,
} from '@swirl/proto';
import { openSqliteStore, type Job as StoredJob, type TrajectoryStore } from '@swirl/store';
import { unaryCall } from '../clients/unary-call';
import { CoordinatorTestClient } from '../testing/coordinator-client.test-support';
import { WORLD_SEED } from '../testing/service-stack.test-support';
import { spawnService, type SpawnedService } from '../testing/spawned-service.test-support';
import { BASE_POLICY, coordinatorArgs, startTrainingStack, type TrainingStack } from '../testing/training-stack.test-support';
import { PIPELINE_STAGES } from './pipeline-stages';

const STEP_CAPS = { math: 4, multiHopQa: 3 };
const QUESTIONS = 3;
const SAMPLES = 2;

/**
 * A small pipeline: 3 world math questions x 2 samples, process filter, `updates` SWiRL updates,
 * 2 held-out questions. The trainer samples at temperature 1.3 so that the fresh actions get a
 * mix of rewards (at 1.0 the base policy's are all judged GOOD: no gradient at all).
 */
function pipelineSpec(o: { updates: number; seed: number; skipTraining?: boolean; evaluate?: boolean; samplesPerState?: number }): JobSpec {
  return JobSpec.fromPartial({
    spec: {
      $case: 'pipeline',
      value: {
        synthesize: {
          tasks: { source: { $case: 'syntheticWorld', value: { seed: WORLD_SEED, split: 'train', count: QUESTIONS, family: TaskFamily.TASK_FAMILY_MATH } } },
          samplesPerTask: SAMPLES,
          stepCaps: STEP_CAPS,
          sampling: { temperature: 1, seed: o.seed, maxNewTokens: 64 },
          policy: { ...BASE_POLICY },
          concurrency: 6,
        },
        filterStrategy: FilterStrategy.FILTER_STRATEGY_PROCESS,
        skipTraining: o.skipTraining ?? false,
        hyperParameters: o.skipTraining ? undefined : { updates: o.updates, samplesPerState: o.samplesPerState ?? 4, statesPerBatch: 4, seed: 1, sampling: { temperature: 1.3, maxNewTokens: 64 } },
        evaluate:
          o.evaluate === false || o.skipTraining
            ? undefined
            : {
                tasks: { source: { $case: 'syntheticWorld', value: { seed: WORLD_SEED, split: 'heldout', count: 2, family: TaskFamily.TASK_FAMILY_MATH } } },
                sampling: { temperature: 0, maxNewTokens: 64 },
                stepCaps: STEP_CAPS,
                concurrency: 4,
              },
      },
    },
  });
}

async function withStore<T>(path: string, read: (store: TrajectoryStore) => Promise<T>): Promise<T> {
  const store = await openSqliteStore({ path });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const stageJobs = (path: string, pipelineJobId: string) => withStore(path, (store) => store.listJobs({ parentJobId: pipelineJobId }));

/** The stages a watcher saw, without repeats, in the order seen. */
function stagesSeen(jobs: readonly Job[]): string[] {
  const seen: string[] = [];
  for (const j of jobs) {
    const stage = j.progress?.stage ?? '';
    if ((PIPELINE_STAGES as readonly string[]).includes(stage) && seen[seen.length - 1] !== stage) seen.push(stage);
  }
  return seen;
}

function pipelineResult(job: Job): PipelineResult {
  if (job.result?.result?.$case !== 'pipeline') throw new Error(`job ${job.id} has no pipeline result (${JobState[job.state]}: ${job.errorMessage})`);
  return job.result.result.value;
}

describe('PIPELINE jobs against real tools, inference, judge, learner and trainer processes', () => {
  let stack: TrainingStack;
  let coordinator: SpawnedService;
  let client: CoordinatorTestClient;
  let trainer: TrainerServiceClient;

  const startCoordinator = async () => {
    coordinator = await spawnService('coordinator', [...coordinatorArgs(stack), `--trainer-target=${stack.trainer.target}`]);
    client = new CoordinatorTestClient(coordinator.target);
  };
  const getRun = async (runId: string): Promise<Run> => (await unaryCall(trainer.getRun.bind(trainer), { runId })).run!;
  const runsOn = async (datasetVersionId: string): Promise<Run[]> =>
    (await unaryCall<Parameters<TrainerServiceClient['listRuns']>[0], ListRunsResponse>(trainer.listRuns.bind(trainer), { pageSize: 0, pageToken: '', state: 0, datasetVersionId })).runs;
  /** Follows a job until `until` holds for a snapshot (then stops watching) or the job ends. */
  const watchUntil = async (jobId: string, until: (job: Job) => boolean): Promise<Job[]> => {
    const seen: Job[] = [];
    await client
      .watch(jobId, (m, stream) => {
        seen.push(m.job!);
        if (until(m.job!)) stream.cancel();
      })
      .catch((err: { code?: number }) => {
        if (err.code !== status.CANCELLED) throw err; // our own stream.cancel()
      });
    return seen;
  };
  const inTraining = (j: Job) => j.progress?.stage === 'train' && (j.progress.total ?? 0) > 0;

  beforeAll(async () => {
    stack = await startTrainingStack();
    trainer = createClient(TrainerServiceClient, { target: stack.trainer.target, defaultTimeoutMs: 30_000 });
    await startCoordinator();
  }, 300_000);
  afterAll(async () => {
    client?.close();
    trainer?.close();
    await coordinator?.stop();
    await stack?.dispose();
  });

  it('synthesizes, judges, filters, trains and evaluates the base next to the trained policy', async () => {
    const job = await client.start(pipelineSpec({ updates: 2, seed: 3 }), 'pipeline-end-to-end', 'end to end');
    expect(job.spec?.spec?.$case).toBe('pipeline');
    const snapshots = await watchUntil(job.id, () => false);
    const done = snapshots[snapshots.length - 1]!;
    expect({ state: JobState[done.state], error: done.errorMessage }).toEqual({ state: 'JOB_STATE_SUCCEEDED', error: '' });

    // Stages in order, as watched, and as their stage jobs ran (each ended before the next began).
    const seen = stagesSeen(snapshots);
    expect(seen.map((s) => PIPELINE_STAGES.indexOf(s as never))).toEqual([...seen.map((s) => PIPELINE_STAGES.indexOf(s as never))].sort());
    expect(seen).toEqual(expect.arrayContaining(['synthesize', 'train', 'evaluate']));
    expect(done.progress?.stage).toBe('evaluate');
    const children = new Map((await stageJobs(stack.storePath, job.id)).map((j) => [j.kind, j] as const));
    expect([...children.keys()].sort()).toEqual([...PIPELINE_STAGES].sort());
    const ordered = PIPELINE_STAGES.map((s) => children.get(s)!);
    expect(ordered.map((j) => j.status)).toEqual(PIPELINE_STAGES.map(() => 'succeeded'));
    for (let i = 1; i < ordered.length; i++) expect(ordered[i]!.startedAt!.getTime()).toBeGreaterThanOrEqual(ordered[i - 1]!.endedAt!.getTime());

    // The stage jobs are jobs of the API too; the train stage's result is its part of the pipeline's.
    const trainStage = await client.get(children.get('train')!.id);
    expect(trainStage).toMatchObject({ state: JobState.JOB_STATE_SUCCEEDED, kind: JobKind.JOB_KIND_TRAIN });
    expect(trainStage.result?.result?.$case === 'pipeline' && trainStage.result.result.value.runId).toMatch(/^run-/);
    const listedTrain = await unaryCall(client.raw.listJobs.bind(client.raw), { kind: JobKind.JOB_KIND_TRAIN, state: 0, pageSize: 0, pageToken: '' });
    expect(listedTrain.jobs.map((j) => j.id)).toContain(trainStage.id);
    expect(listedTrain.jobs.every((j) => j.kind === JobKind.JOB_KIND_TRAIN)).toBe(true);
    expect((await client.get(children.get('filter')!.id)).kind).toBe(JobKind.JOB_KIND_FILTER);

    // Every stage's result.
    const result = pipelineResult(done);
    const synthesisJobId = children.get('synthesize')!.id;
    const trajectories = await client.trajectories(synthesisJobId);
    expect(result.synthesize).toMatchObject({ tasks: QUESTIONS, trajectories: QUESTIONS * SAMPLES, policy: { ...BASE_POLICY } });
    expect(trajectories).toHaveLength(QUESTIONS * SAMPLES);
    const steps = trajectories.reduce((n, t) => n + t.steps.length, 0);
    expect(result.judge).toMatchObject({ stepsJudged: steps });
    expect(trajectories.every((t) => t.steps.every((s) => s.verdicts.some((v) => v.judgeId === 'rules')))).toBe(true);
    const dataset = result.filter!.datasetVersion!;
    expect(dataset).toMatchObject({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, sourceJobIds: [synthesisJobId], filterJobId: children.get('filter')!.id });
    expect(dataset.stats!.trajectoriesIn).toBe(QUESTIONS * SAMPLES);
    expect(dataset.stats!.stepsKept).toBeGreaterThan(0);

    // The dataset version and the trainer run are in the store; the run trained the base policy.
    const stored = await withStore(stack.storePath, async (store) => ({ dataset: await store.getDatasetVersion(dataset.id), run: await store.getTrainingRun(result.runId) }));
    expect(stored.dataset).toMatchObject({ id: dataset.id, filterJobId: children.get('filter')!.id });
    expect(stored.run).toMatchObject({ id: result.runId, datasetVersionId: dataset.id, baseModel: { ...BASE_POLICY }, algorithm: 'swirl', status: 'succeeded', totalUpdates: 2, completedUpdates: 2 });
    expect(stored.run!.requestId).toContain(job.id);
    const run = await getRun(result.runId);
    expect(run.state).toBe(RunState.RUN_STATE_SUCCEEDED);
    expect(result.trainedModel).toEqual(run.latestModel);
    expect(result.trainedModel!.version.startsWith(`${result.runId}/`)).toBe(true);

    // Base and trained policy, evaluated on the same held-out questions.
    const models = result.evaluation!.models;
    expect(models.map((m) => m.model)).toEqual([{ ...BASE_POLICY }, result.trainedModel]);
    for (const m of models) expect(m.overall!.n + m.overall!.errors).toBe(2);
    const evaluations = await withStore(stack.storePath, (store) => store.listEvaluations({ jobId: children.get('evaluate')!.id }));
    expect(evaluations.map((e) => `${e.model.name}@${e.model.version}`).sort()).toEqual([`${BASE_POLICY.name}@${BASE_POLICY.version}`, `${result.trainedModel!.name}@${result.trainedModel!.version}`].sort());
  }, 300_000);

  it('refuses a training pipeline without --trainer-target, naming the option, and runs a skip_training one up to its dataset', async () => {
    const plain = await spawnService('coordinator', coordinatorArgs(stack, join(stack.scratch, 'no-trainer.sqlite')));
    const noTrainer = new CoordinatorTestClient(plain.target);
    try {
      await expect(noTrainer.start(pipelineSpec({ updates: 2, seed: 3 }))).rejects.toMatchObject({
        code: status.FAILED_PRECONDITION,
        details: expect.stringMatching(/^PIPELINE jobs that train need the trainer service.*--trainer-target=<host:port>/),
      });
      const job = await noTrainer.start(pipelineSpec({ updates: 0, seed: 4, skipTraining: true }));
      const done = await noTrainer.finish(job.id);
      expect({ state: JobState[done.state], error: done.errorMessage }).toEqual({ state: 'JOB_STATE_SUCCEEDED', error: '' });
      expect(done.progress?.stage).toBe('filter');
      const result = pipelineResult(done);
      expect(result.synthesize?.trajectories).toBe(QUESTIONS * SAMPLES);
      expect(result.judge?.stepsJudged).toBeGreaterThan(0);
      expect(result.filter?.datasetVersion?.id).toMatch(/^ds-/);
      expect({ runId: result.runId, trainedModel: result.trainedModel, evaluation: result.evaluation }).toEqual({ runId: '', trainedModel: undefined, evaluation: undefined });
      const children = await stageJobs(join(stack.scratch, 'no-trainer.sqlite'), job.id);
      expect(children.map((j) => j.kind).sort()).toEqual(['filter', 'judge', 'synthesize']);
    } finally {
      noTrainer.close();
      await plain.stop();
    }
  }, 300_000);

  it('fails the job at the stage that failed, naming the stage and the cause', async () => {
    // The trainer refuses 65 samples per state (at most 64): the train stage fails at CreateRun.
    const job = await client.start(pipelineSpec({ updates: 2, seed: 7, samplesPerState: 65 }));
    const done = await client.finish(job.id);
    expect(JobState[done.state]).toBe('JOB_STATE_FAILED');
    expect(done.errorMessage).toMatch(/^train stage failed: the trainer did not create the run: INVALID_ARGUMENT: .*samples_per_state is 65; the maximum is 64/);
    const children = await stageJobs(stack.storePath, job.id);
    expect(children.map((j) => `${j.kind}:${j.status}`).sort()).toEqual(['filter:succeeded', 'judge:succeeded', 'synthesize:succeeded']);
  }, 300_000);

  it('cancels the trainer run when the pipeline is cancelled during training, and keeps the finished stages as a partial result', async () => {
    const job = await client.start(pipelineSpec({ updates: 50, seed: 5, evaluate: false }));
    await watchUntil(job.id, inTraining);
    // A stage is cancelled through its pipeline; a watch of the stage job ends with it.
    const trainStageId = `${job.id}-train`;
    await expect(client.cancel(trainStageId)).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: `job ${trainStageId} is a stage of pipeline job ${job.id}; cancel the pipeline job` });
    const stageWatch = client.finish(trainStageId);
    expect([JobState.JOB_STATE_CANCELLING, JobState.JOB_STATE_CANCELLED]).toContain((await client.cancel(job.id)).state);
    expect(JobState[(await stageWatch).state]).toBe('JOB_STATE_CANCELLED');
    const done = await client.finish(job.id);
    expect(JobState[done.state]).toBe('JOB_STATE_CANCELLED');
    const result = pipelineResult(done);
    expect(result.synthesize?.trajectories).toBe(QUESTIONS * SAMPLES);
    expect(result.filter?.datasetVersion?.id).toMatch(/^ds-/);
    expect(result.runId).toMatch(/^run-/);
    expect(result.trainedModel).toBeUndefined();
    // The trainer finishes the update in progress, writes a checkpoint, then ends the run.
    let run = await getRun(result.runId);
    while (run.state !== RunState.RUN_STATE_CANCELLED && run.state !== RunState.RUN_STATE_SUCCEEDED && run.state !== RunState.RUN_STATE_FAILED) {
      await new Promise((r) => setTimeout(r, 250));
      run = await getRun(result.runId);
    }
    expect(RunState[run.state]).toBe('RUN_STATE_CANCELLED');
    expect(run.completedUpdates).toBeLessThan(50);
    const train = (await stageJobs(stack.storePath, job.id)).find((j) => j.kind === 'train')!;
    expect(train.status).toBe('cancelled');
  }, 300_000);

  it('resumes after kill -9 during training: finished stages are not redone and the trainer run is re-attached, not created again', async () => {
    const job = await client.start(pipelineSpec({ updates: 4, seed: 6, evaluate: false }));
    await watchUntil(job.id, inTraining);
    await coordinator.crash();
    client.close();
    const before = new Map((await stageJobs(stack.storePath, job.id)).map((j) => [j.kind, j] as const));
    expect(['synthesize', 'judge', 'filter'].map((k) => before.get(k as StoredJob['kind'])?.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(before.get('train')?.status).toBe('running');
    const datasetVersionId = datasetOfFilterStage(before.get('filter')!) ?? '';
    expect(await runsOn(datasetVersionId)).toHaveLength(1);

    await startCoordinator();
    const done = await client.finish(job.id);
    expect({ state: JobState[done.state], error: done.errorMessage }).toEqual({ state: 'JOB_STATE_SUCCEEDED', error: '' });
    expect(coordinator.log()).toContain('"msg":"resuming job"');
    expect(coordinator.log()).not.toContain('"msg":"trainer run created"');
    const result = pipelineResult(done);
    const runs = await runsOn(datasetVersionId);
    expect(runs.map((r) => r.id)).toEqual([result.runId]);
    expect(RunState[runs[0]!.state]).toBe('RUN_STATE_SUCCEEDED');
    expect(result.trainedModel).toEqual(runs[0]!.latestModel);
    // The stages finished before the crash kept their records (nothing was redone).
    const after = new Map((await stageJobs(stack.storePath, job.id)).map((j) => [j.kind, j] as const));
    for (const kind of ['synthesize', 'judge', 'filter'] as const) expect(after.get(kind)!.endedAt).toEqual(before.get(kind)!.endedAt);
    expect(result.synthesize?.trajectories).toBe(QUESTIONS * SAMPLES);
    expect((await client.trajectories(after.get('synthesize')!.id)).length).toBe(QUESTIONS * SAMPLES);
    const runsOfJob = await withStore(stack.storePath, async (store) => (await store.listTrainingRuns()).filter((r) => r.requestId?.includes(job.id)));
    expect(runsOfJob).toHaveLength(1);
  }, 300_000);

  it('follows its run across a restart of the trainer, which resumes the run by itself', async () => {
    const job = await client.start(pipelineSpec({ updates: 4, seed: 8, evaluate: false }));
    await watchUntil(job.id, inTraining);
    await stack.restartTrainer();
    const done = await client.finish(job.id);
    expect({ state: JobState[done.state], error: done.errorMessage }).toEqual({ state: 'JOB_STATE_SUCCEEDED', error: '' });
    const result = pipelineResult(done);
    expect(RunState[(await getRun(result.runId)).state]).toBe('RUN_STATE_SUCCEEDED');
    expect((await runsOn(result.filter!.datasetVersion!.id)).map((r) => r.id)).toEqual([result.runId]);
    expect(result.trainedModel?.version.startsWith(`${result.runId}/`)).toBe(true);
  }, 300_000);
});

/** The dataset version id a finished filter stage job recorded. */
function datasetOfFilterStage(filterJob: StoredJob): string | undefined {
  const result = filterJob.result as { filter?: { datasetVersion?: { id?: string } } } | undefined;
  return result?.filter?.datasetVersion?.id;
}
