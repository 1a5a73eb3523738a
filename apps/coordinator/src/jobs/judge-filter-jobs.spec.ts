import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { FilterStrategy, JobSpec, JobState, OutcomeLabel, VerdictLabel, type JobResult, type Trajectory } from '@swirl/proto';
import { unaryCall } from '../clients/unary-call';
import { startCoordinator, type CoordinatorUnderTest } from '../testing/coordinator-under-test.test-support';
import { POLICY, startServiceStack, type ServiceStack } from '../testing/service-stack.test-support';
import { spawnService, type SpawnedService } from '../testing/spawned-service.test-support';

describe('JUDGE and FILTER jobs through the real judge service', () => {
  let stack: ServiceStack;
  let judge: SpawnedService;
  let coordinator: CoordinatorUnderTest;
  let sourceJob: string;
  let trajectories: Trajectory[];

  beforeAll(async () => {
    stack = await startServiceStack();
    judge = await spawnService('judge', ['--cache-file=off']);
    coordinator = await startCoordinator(stack, 'judging', [`--judge-target=${judge.target}`]);
    // Short math trajectories over questions that hold every digit the grammar policy writes,
    // so that the rules judge finds some trajectories sound from end to end.
    const path = join(stack.scratch, 'sums.jsonl');
    writeFileSync(path, Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `s${i}`, question: `Combine 1, 2, 3, 4 and 5 to get ${6 + (i % 4)}.`, answer: String(6 + (i % 4)), family: 'math' })).join('\n') + '\n');
    const spec = JobSpec.fromPartial({
      spec: {
        $case: 'synthesize',
        value: { tasks: { source: { $case: 'jsonl', value: { path } } }, samplesPerTask: 3, stepCaps: { math: 2, multiHopQa: 2 }, sampling: { temperature: 1, seed: 13, maxNewTokens: 32, stopSequences: [] }, policy: { ...POLICY } },
      },
    });
    sourceJob = (await coordinator.client.finish((await coordinator.client.start(spec)).id)).id;
  }, 300_000);
  afterAll(async () => {
    await coordinator?.stop();
    await judge?.stop();
    await stack?.dispose();
  });

  let lastJobId = '';
  const run = async (spec: JobSpec): Promise<JobResult['result']> => {
    lastJobId = (await coordinator.client.start(spec)).id;
    const done = await coordinator.client.finish(lastJobId);
    expect(done.errorMessage).toBe('');
    expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    return done.result!.result;
  };
  const selector = (jobIds: string[]) => ({ jobIds, trajectoryIds: [], datasetVersionId: '', family: 0 });

  it('judges every step and every final answer, stores the verdicts, and reuses them on a second run', async () => {
    const result = await run(JobSpec.fromPartial({ spec: { $case: 'judge', value: { trajectories: selector([sourceJob]), process: true, outcome: true } } }));
    if (result?.$case !== 'judge') throw new Error('no judge result');
    trajectories = await coordinator.client.trajectories(sourceJob);
    const steps = trajectories.reduce((n, t) => n + t.steps.length, 0);
    const good = trajectories.reduce((n, t) => n + t.steps.filter((s) => s.verdicts[0]?.label === VerdictLabel.VERDICT_LABEL_GOOD).length, 0);
    const yes = trajectories.filter((t) => t.outcomeVerdicts[0]?.label === OutcomeLabel.OUTCOME_LABEL_YES).length;
    expect(trajectories.every((t) => t.steps.every((s) => s.verdicts.length === 1 && s.verdicts[0]!.judgeId === 'rules') && t.outcomeVerdicts.length === 1)).toBe(true);
    expect(result.value).toMatchObject({ stepsJudged: steps, trajectoriesGraded: 18, reusedVerdicts: 0 });
    expect(result.value.stepGoodRate).toBeCloseTo(good / steps, 12);
    expect(result.value.outcomeYesRate).toBeCloseTo(yes / 18, 12);
    const again = await run(JobSpec.fromPartial({ spec: { $case: 'judge', value: { trajectories: selector([sourceJob]), process: true, outcome: true } } }));
    expect(again).toEqual({ $case: 'judge', value: { ...result.value, reusedVerdicts: steps + 18 } });
  });

  it('filters by process verdicts into a dataset version whose examples are the kept steps', async () => {
    const result = await run(JobSpec.fromPartial({ spec: { $case: 'filter', value: { trajectories: selector([sourceJob]), strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, datasetName: 'process-test' } } }));
    if (result?.$case !== 'filter') throw new Error('no filter result');
    const ds = result.value.datasetVersion!;
    const allGood = trajectories.filter((t) => t.steps.every((s) => s.verdicts[0]!.label === VerdictLabel.VERDICT_LABEL_GOOD));
    // Some kept, some rejected: the filter really decides.
    expect(allGood.length).toBeGreaterThan(0);
    expect(allGood.length).toBeLessThan(18);
    expect(ds).toMatchObject({ name: 'process-test', strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, sourceJobIds: [sourceJob], processJudge: expect.stringMatching(/^rules@/), outcomeGrader: '' });
    expect(ds.stats).toMatchObject({ trajectoriesIn: 18, trajectoriesKept: allGood.length, stepsKept: allGood.reduce((n, t) => n + t.steps.length, 0) });
    const raw = coordinator.client.raw;
    const examples = await unaryCall(raw.listExamples.bind(raw), { datasetVersionId: ds.id, pageSize: 1000, pageToken: '', family: 0, view: 0 });
    expect(examples.totalSize).toBe(ds.stats!.stepsKept);
    expect(new Set(examples.examples.map((e) => e.trajectoryId))).toEqual(new Set(allGood.map((t) => t.id)));
    expect(examples.examples.every((e) => e.verdicts.length === 1 && e.verdicts[0]!.label === VerdictLabel.VERDICT_LABEL_GOOD)).toBe(true);
    const got = await unaryCall(raw.getDatasetVersion.bind(raw), { datasetVersionId: ds.id });
    expect(got.datasetVersion).toEqual(ds);
  });

  it('keeps everything with NONE and grades answers with OUTCOME', async () => {
    const none = await run(JobSpec.fromPartial({ spec: { $case: 'filter', value: { trajectories: selector([sourceJob]), strategy: FilterStrategy.FILTER_STRATEGY_NONE } } }));
    expect(none?.$case === 'filter' && none.value.datasetVersion!.stats).toMatchObject({ trajectoriesIn: 18, trajectoriesKept: 18 });
    const outcome = await run(JobSpec.fromPartial({ spec: { $case: 'filter', value: { trajectories: selector([sourceJob]), strategy: FilterStrategy.FILTER_STRATEGY_OUTCOME } } }));
    if (outcome?.$case !== 'filter') throw new Error('no filter result');
    const yes = trajectories.filter((t) => t.outcomeVerdicts[0]!.label === OutcomeLabel.OUTCOME_LABEL_YES);
    expect(outcome.value.datasetVersion).toMatchObject({ strategy: FilterStrategy.FILTER_STRATEGY_OUTCOME, processJudge: '', stats: { trajectoriesKept: yes.length } });
  });

  it('adds process-label accuracy to evaluations: GOOD share per trajectory, macro-averaged', async () => {
    const path = join(stack.scratch, 'sums.jsonl');
    const result = await run(
      JobSpec.fromPartial({
        spec: { $case: 'evaluate', value: { tasks: { source: { $case: 'jsonl', value: { path } } }, models: [{ ...POLICY }], sampling: { temperature: 1, seed: 5, maxNewTokens: 32, stopSequences: [] }, samplesPerTask: 2 } },
      }),
    );
    if (result?.$case !== 'evaluation') throw new Error('no evaluation result');
    expect(result.value.processJudge).toMatch(/^rules@/);
    const evaluated = await coordinator.client.trajectories(lastJobId);
    const shares = evaluated.filter((t) => t.steps.length > 0).map((t) => t.steps.filter((st) => st.verdicts[0]?.label === VerdictLabel.VERDICT_LABEL_GOOD).length / t.steps.length);
    expect(evaluated.every((t) => t.steps.every((st) => st.verdicts.length === 1))).toBe(true);
    expect(result.value.models[0]!.overall!.processLabelAccuracy).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / shares.length, 12);
  });

  it('names what is wrong in a FILTER or JUDGE spec', async () => {
    const start = (spec: JobSpec) => coordinator.client.start(spec);
    await expect(start(JobSpec.fromPartial({ spec: { $case: 'filter', value: { trajectories: selector([sourceJob]), strategy: 0 } } }))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'filter.strategy is required: NONE, PROCESS, OUTCOME or PROCESS_AND_OUTCOME',
    });
    await expect(start(JobSpec.fromPartial({ spec: { $case: 'filter', value: { trajectories: selector([sourceJob]), strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, processJudgeId: 'oracle' } } }))).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: expect.stringContaining('process judge "oracle" is not configured in the judge service'),
    });
    await expect(start(JobSpec.fromPartial({ spec: { $case: 'filter', value: { trajectories: selector([]), strategy: FilterStrategy.FILTER_STRATEGY_NONE } } }))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'filter.trajectories needs at least one of job_ids, trajectory_ids or dataset_version_id',
    });
    await expect(start(JobSpec.fromPartial({ spec: { $case: 'judge', value: { trajectories: selector([sourceJob]) } } }))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: 'judge needs process, outcome or both set to true',
    });
    await expect(start(JobSpec.fromPartial({ spec: { $case: 'judge', value: { trajectories: selector(['job-nope']), process: true } } }))).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: 'judge.trajectories.job_ids: job job-nope does not exist',
    });
  });
});
