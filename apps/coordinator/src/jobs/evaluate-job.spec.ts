import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { JobSpec, JobState, OutcomeGrader, OutcomeLabel, TaskFamily, type EvaluationReport, type EvaluationMetrics } from '@swirl/proto';
import { openSqliteStore } from '@swirl/store';
import { answersMatch } from '@swirl/world';
import { unaryCall } from '../clients/unary-call';
import { BENCHMARK_PROMPT_VERSION } from '../prompts/benchmark-prompts';
import { startCoordinator, type CoordinatorUnderTest } from '../testing/coordinator-under-test.test-support';
import { testDataDir } from '../testing/data-dir.test-support';
import { POLICY, POLICY_V2, startServiceStack, WORLD_SEED, type ServiceStack } from '../testing/service-stack.test-support';

const worldHeldout = (count: number) => ({ source: { $case: 'syntheticWorld' as const, value: { seed: WORLD_SEED, split: 'heldout', count, family: TaskFamily.TASK_FAMILY_UNSPECIFIED } } });

function expectConsistent(m: EvaluationMetrics, z: number): void {
  expect(m.accuracy).toBeCloseTo(m.n === 0 ? 0 : m.correct / m.n, 12);
  expect(m.ciMargin).toBeCloseTo(z * Math.sqrt((m.accuracy * (1 - m.accuracy)) / m.n), 12);
  expect(m.ciLow).toBeCloseTo(Math.max(0, m.accuracy - m.ciMargin), 12);
  expect(m.ciHigh).toBeCloseTo(Math.min(1, m.accuracy + m.ciMargin), 12);
  expect(m.answeredRate + m.stepCapRate + m.malformedRate).toBeLessThanOrEqual(1 + 1e-12);
}

describe('EVALUATE jobs: the live loop per model, graded, with confidence intervals and report files', () => {
  let stack: ServiceStack;
  let coordinator: CoordinatorUnderTest;

  beforeAll(async () => {
    stack = await startServiceStack();
    coordinator = await startCoordinator(stack, 'evaluate');
  }, 300_000);
  afterAll(async () => {
    await coordinator?.stop();
    await stack?.dispose();
  });

  const evaluate = async (value: object): Promise<{ jobId: string; report: EvaluationReport }> => {
    const job = await coordinator.client.start(JobSpec.fromPartial({ spec: { $case: 'evaluate', value } }));
    const done = await coordinator.client.finish(job.id);
    expect(done.errorMessage).toBe('');
    expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    const result = done.result!.result!;
    if (result.$case !== 'evaluation') throw new Error(`unexpected result ${result.$case}`);
    return { jobId: job.id, report: result.value };
  };

  it('compares two models on both world families: per-slice metrics, stored verdicts and evaluations, report files', async () => {
    const reportDir = join(stack.scratch, 'report');
    const { jobId, report } = await evaluate({
      tasks: worldHeldout(10),
      models: [{ ...POLICY }, { ...POLICY_V2 }],
      sampling: { temperature: 1, seed: 4, maxNewTokens: 32, stopSequences: [] },
      samplesPerTask: 2,
      reportDir,
    });
    expect(report.models.map((m) => m.model)).toEqual([{ ...POLICY }, { ...POLICY_V2 }]);
    expect(report).toMatchObject({ confidenceZ: 1.96, processJudge: '', stepCaps: { multiHopQa: 5, math: 10 }, grader: 'EXACT_MATCH@coordinator/1 (multihop), NUMERIC@coordinator/1 (math)' });
    for (const model of report.models) {
      expect(model.overall!.n + model.overall!.errors).toBe(20);
      expectConsistent(model.overall!, 1.96);
      expect(model.slices.map((s) => [s.family, s.dataset])).toEqual([
        [TaskFamily.TASK_FAMILY_MATH, 'synthetic-world'],
        [TaskFamily.TASK_FAMILY_MULTI_HOP_QA, 'synthetic-world'],
      ]);
      expect(model.slices.reduce((n, s) => n + s.metrics!.n, 0)).toBe(model.overall!.n);
      expect(model.slices.reduce((n, s) => n + s.metrics!.correct, 0)).toBe(model.overall!.correct);
      for (const s of model.slices) expectConsistent(s.metrics!, 1.96);
    }

    // The stored trajectories, graded independently with the world's own answer check.
    const trajectories = await coordinator.client.trajectories(jobId);
    expect(trajectories).toHaveLength(40);
    for (const [i, model] of report.models.entries()) {
      const mine = trajectories.filter((t) => t.model!.version === model.model!.version);
      expect(mine.map((t) => t.sampleIndex).every((s) => s >= 2 * i && s < 2 * i + 2)).toBe(true);
      const correct = mine.filter((t) => t.finalAnswer !== '' && answersMatch(t.finalAnswer, t.task!.goldAnswers[0]!)).length;
      expect(model.overall!.correct).toBe(correct);
      expect(model.overall!.meanSteps).toBeCloseTo(mine.reduce((n, t) => n + t.steps.length, 0) / mine.length, 12);
    }
    for (const t of trajectories) {
      expect(t.outcomeVerdicts).toHaveLength(1);
      const v = t.outcomeVerdicts[0]!;
      expect(v.grader).toBe(t.task!.family === TaskFamily.TASK_FAMILY_MATH ? OutcomeGrader.OUTCOME_GRADER_NUMERIC : OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH);
      expect(v.label === OutcomeLabel.OUTCOME_LABEL_YES).toBe(t.finalAnswer !== '' && answersMatch(t.finalAnswer, t.task!.goldAnswers[0]!));
    }

    const store = await openSqliteStore({ path: coordinator.storePath });
    try {
      const evaluations = await store.listEvaluations({ jobId });
      expect(evaluations).toHaveLength(4);
      for (const e of evaluations) {
        const slice = report.models.find((m) => m.model!.version === e.model.version)!.slices.find((s) => s.family === (e.family === 'math' ? TaskFamily.TASK_FAMILY_MATH : TaskFamily.TASK_FAMILY_MULTI_HOP_QA))!;
        expect(e).toMatchObject({ split: 'test', n: slice.metrics!.n, correct: slice.metrics!.correct, decodingMode: 'sampled' });
        expect(e.results).toHaveLength(e.n);
      }
    } finally {
      await store.close();
    }

    expect(report.reportJsonPath).toBe(join(reportDir, 'report.json'));
    const json = JSON.parse(readFileSync(report.reportJsonPath, 'utf8'));
    expect(json.trajectories).toHaveLength(40);
    expect(json.report.models).toHaveLength(2);
    expect(json.context).toMatchObject({ jobId, taskSource: 'syntheticWorld', tasks: 10, samplesPerTask: 2 });
    const markdown = readFileSync(report.reportMarkdownPath, 'utf8');
    expect(markdown).toContain(`## ${POLICY.name}@${POLICY.version}`);
    expect(markdown).toContain('| slice | n | correct | accuracy | CI |');
    expect(markdown).toContain('| math / synthetic-world |');
  });

  it('grades right answers as right: JSONL tasks whose answers the policy can hit', async () => {
    const path = join(stack.scratch, 'digits.jsonl');
    const lines = Array.from({ length: 20 }, (_, i) => ({ id: `d${i}`, question: `What is ${i % 4} + 6?`, answer: String((i % 4) + 6), family: 'math' }));
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const { jobId, report } = await evaluate({
      tasks: { source: { $case: 'jsonl', value: { path } } },
      models: [{ ...POLICY }],
      sampling: { temperature: 1, seed: 8, maxNewTokens: 32, stopSequences: [] },
      samplesPerTask: 2,
    });
    const overall = report.models[0]!.overall!;
    const trajectories = await coordinator.client.trajectories(jobId);
    const right = trajectories.filter((t) => t.finalAnswer !== '' && answersMatch(t.finalAnswer, t.task!.goldAnswers[0]!));
    expect(right.length).toBeGreaterThan(0);
    expect(overall.correct).toBe(right.length);
    expect(overall.exactMatchRate).toBeCloseTo(right.length / overall.n, 12);
    expect(report.models[0]!.slices.map((s) => s.dataset)).toEqual(['jsonl:digits.jsonl']);
    expectConsistent(overall, 1.96);
  });

  it('decodes greedily by default and then every sample of a task is the same', async () => {
    const { jobId, report } = await evaluate({ tasks: worldHeldout(4), models: [{ ...POLICY }], samplesPerTask: 2 });
    expect(report.sampling).toMatchObject({ temperature: 0, seed: undefined });
    const trajectories = await coordinator.client.trajectories(jobId);
    for (const t of trajectories) expect(t.steps.map((s) => s.seed)).toEqual(t.steps.map(() => undefined));
    const byTask = new Map<string, string[]>();
    for (const t of trajectories) byTask.set(t.task!.id, [...(byTask.get(t.task!.id) ?? []), JSON.stringify(t.steps.map((s) => s.action!.rawText))]);
    for (const texts of byTask.values()) expect(new Set(texts).size).toBe(1);
    expect(report.models[0]!.overall!.n).toBe(8);
  });

  (testDataDir() === undefined ? it.skip : it)('evaluates GSM8K questions with the benchmark prompts', async () => {
    const { jobId, report } = await evaluate({
      tasks: { source: { $case: 'gsm8k', value: { split: 'test' } }, limit: 4, shuffleSeed: 1 },
      models: [{ ...POLICY }],
      sampling: { temperature: 1, seed: 2, maxNewTokens: 32, stopSequences: [] },
      grader: OutcomeGrader.OUTCOME_GRADER_TOKEN_F1,
    });
    expect(report.grader).toBe('TOKEN_F1@coordinator/1');
    expect(report.models[0]!.slices.map((s) => [s.family, s.dataset, s.metrics!.n])).toEqual([[TaskFamily.TASK_FAMILY_MATH, 'gsm8k', 4]]);
    const trajectories = await coordinator.client.trajectories(jobId);
    expect(trajectories.every((t) => t.promptVersion === BENCHMARK_PROMPT_VERSION && t.task!.dataset === 'gsm8k')).toBe(true);
  });

  it('refuses the LLM grader without a judge service, and a non-positive z', async () => {
    const start = (value: object) => unaryCall(coordinator.client.raw.startJob.bind(coordinator.client.raw), { requestId: `r-${Math.random()}`, displayName: '', spec: JobSpec.fromPartial({ spec: { $case: 'evaluate', value } }) });
    await expect(start({ tasks: worldHeldout(2), models: [{ ...POLICY }], grader: OutcomeGrader.OUTCOME_GRADER_LLM })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    await expect(start({ tasks: worldHeldout(2), models: [{ ...POLICY }], confidenceZ: -1 })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: 'evaluate.confidence_z must be positive, got -1' });
    await expect(start({ tasks: worldHeldout(2), models: [{ ...POLICY }, { ...POLICY }] })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('the same model version twice') });
  });
});
