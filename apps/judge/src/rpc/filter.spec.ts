import * as grpc from '@grpc/grpc-js';
import { FilterStrategy, OutcomeGrader, RejectionReason, TrajectoryFinishReason, VerdictLabel, type Trajectory } from '@swirl/proto';
import { scratchDir, startTestJudge, type TestJudge } from '../testing/start-test-judge.test-support';
import { teacherTrajectories, type LabelledTrajectory } from '../testing/teacher-trajectories.test-support';
import { startTrajectoryStore } from '../testing/trajectory-store.test-support';

const START_TIMEOUT_MS = 60_000;
const inline = (list: readonly Trajectory[]) => ({ $case: 'trajectories' as const, value: { trajectories: [...list] } });
const FREQUENT = { unhelpfulQuery: 0.3, repeatedQuery: 0.3, wrongOperation: 0.3, prematureAnswer: 0.2, unsupportedAnswer: 0.2 };

describe('Filter', () => {
  const scratch = scratchDir();
  let judge: TestJudge;
  let sample: LabelledTrajectory[];
  const trajectories = () => sample.map((s) => s.trajectory);

  beforeAll(async () => {
    judge = await startTestJudge(['--cache-file=off']);
    sample = [...teacherTrajectories('birth-country', 8, { mistakes: FREQUENT }), ...teacherTrajectories('shopping-change', 8, { mistakes: FREQUENT })];
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await judge?.stop();
    scratch.cleanup();
  });

  it('none keeps every trajectory and returns every step as an example', async () => {
    const res = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: inline(trajectories()) });
    expect(res.decisions.every((d) => d.kept && d.reasons.length === 0)).toBe(true);
    expect(res.examples).toHaveLength(trajectories().reduce((n, t) => n + t.steps.length, 0));
    expect(res.stats).toMatchObject({ trajectoriesIn: 16, trajectoriesKept: 16, stepGoodRate: 0, outcomeYesRate: 0 });
  });

  it('process keeps a trajectory only if every step is GOOD, says which steps are not and why, and decomposes the kept ones', async () => {
    const res = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline(trajectories()), returnVerdicts: true });
    const kept = res.decisions.filter((d) => d.kept);
    const rejected = res.decisions.filter((d) => !d.kept);
    expect(kept.length).toBeGreaterThan(0);
    expect(rejected.length).toBeGreaterThan(0);
    for (const d of rejected) {
      expect(d.reasons).toContain(RejectionReason.REJECTION_REASON_STEP_BAD);
      expect(d.badStepIndices.length).toBeGreaterThan(0);
      expect(d.detail).toMatch(new RegExp(`^step ${d.badStepIndices[0]} is BAD: BAD \\[[a-z-]+\\]`));
    }
    // The teacher's own labels agree: trajectories with a labelled mistake are the rejected ones (almost always).
    const agree = res.decisions.filter((d, i) => d.kept === sample[i]!.labels.every((l) => l.good)).length;
    expect(agree / res.decisions.length).toBeGreaterThan(0.9);
    const keptSteps = sample.filter((_, i) => res.decisions[i]!.kept).reduce((n, s) => n + s.trajectory.steps.length, 0);
    expect(res.examples).toHaveLength(keptSteps);
    expect(res.stats).toMatchObject({ trajectoriesIn: 16, trajectoriesKept: kept.length, stepsKept: keptSteps });
    const first = res.examples.find((e) => e.stepIndex === 2)!;
    const source = sample.find((s) => s.trajectory.id === first.trajectoryId)!.trajectory;
    expect(first.id).toBe(`${source.id}/2`);
    expect(first.state.map((m) => m.content)).toEqual([...source.prompt.map((m) => m.content), source.steps[0]!.action!.rawText, source.steps[0]!.observation, source.steps[1]!.action!.rawText, source.steps[1]!.observation]);
    expect(first.verdicts).toEqual([expect.objectContaining({ judgeId: 'rules', label: VerdictLabel.VERDICT_LABEL_GOOD })]);
    expect(res.stepVerdicts).toHaveLength(res.stats!.stepsIn);
    expect(res.stats!.stepGoodRate).toBeCloseTo(res.stepVerdicts.filter((v) => v.verdict!.label === VerdictLabel.VERDICT_LABEL_GOOD).length / res.stats!.stepsIn, 9);
  });

  it('outcome keeps the trajectories whose answer matches the gold answer (numeric for math), and process+outcome needs both', async () => {
    const outcome = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_OUTCOME, input: inline(trajectories()), returnVerdicts: true, omitExamples: true });
    expect(outcome.decisions.map((d) => d.kept)).toEqual(sample.map((s) => s.correct));
    expect(outcome.examples).toEqual([]);
    expect(outcome.outcomeVerdicts).toHaveLength(16);
    expect(outcome.decisions.filter((d) => !d.kept).every((d) => d.reasons.join() === String(RejectionReason.REJECTION_REASON_OUTCOME_WRONG))).toBe(true);
    const both = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME, input: inline(trajectories()), omitExamples: true });
    const process = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline(trajectories()), omitExamples: true });
    expect(both.decisions.map((d) => d.kept)).toEqual(process.decisions.map((d, i) => d.kept && outcome.decisions[i]!.kept));
  });

  it('rejects incomplete trajectories and ones without a final answer, with the reason', async () => {
    const [a, b] = trajectories();
    const errored: Trajectory = { ...a!, id: 'errored', finishReason: TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_ERROR };
    const unanswered: Trajectory = { ...b!, id: 'unanswered', finalAnswer: '', steps: b!.steps.slice(0, -1), finishReason: TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_STEP_CAP };
    const res = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME, input: inline([errored, unanswered]) });
    expect(res.decisions[0]!.reasons).toContain(RejectionReason.REJECTION_REASON_INCOMPLETE);
    expect(res.decisions[1]!.reasons).toContain(RejectionReason.REJECTION_REASON_NO_FINAL_ANSWER);
    const none = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: inline([errored]) });
    expect(none.decisions[0]!.kept).toBe(true);
  });

  it('reuses stored verdicts of the same judge and version when asked, and only then', async () => {
    const t = sample.find((s) => s.labels.every((l) => l.good))!.trajectory;
    const stored = { label: VerdictLabel.VERDICT_LABEL_BAD, score: 0, rationale: 'BAD [stored] kept from an earlier run', judgeId: 'rules', judgeVersion: 'rules/1', votes: 1, goodVotes: 0, judgeModel: undefined, createTime: new Date(0) };
    const marked: Trajectory = { ...t, steps: t.steps.map((s, i) => (i === 0 ? { ...s, verdicts: [stored] } : s)) };
    const reused = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline([marked]), useStoredVerdicts: true });
    expect(reused.decisions[0]).toMatchObject({ kept: false, badStepIndices: [0], detail: 'step 0 is BAD: BAD [stored] kept from an earlier run' });
    const rejudged = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline([marked]) });
    expect(rejudged.decisions[0]!.kept).toBe(true);
    const otherVersion = { ...marked, steps: marked.steps.map((s, i) => (i === 0 ? { ...s, verdicts: [{ ...stored, judgeVersion: 'rules/0' }] } : s)) };
    expect((await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline([otherVersion]), useStoredVerdicts: true })).decisions[0]!.kept).toBe(true);
  });

  describe('bad requests', () => {
    it.each([
      ['no strategy', () => ({ input: inline(trajectories()) }), grpc.status.INVALID_ARGUMENT, 'strategy is not set'],
      ['no input', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_NONE }), grpc.status.INVALID_ARGUMENT, 'needs its input'],
      ['an empty list', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: inline([]) }), grpc.status.INVALID_ARGUMENT, 'is empty'],
      ['more than 1000 trajectories', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: inline(Array.from({ length: 1001 }, () => trajectories()[0]!)) }), grpc.status.INVALID_ARGUMENT, 'at most 1000 per call'],
      ['a trajectory without steps', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline([{ ...trajectories()[0]!, steps: [] }]) }), grpc.status.INVALID_ARGUMENT, 'has no steps'],
      ['outcome without gold answers', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_OUTCOME, input: inline([{ ...trajectories()[0]!, task: { ...trajectories()[0]!.task!, goldAnswers: [] } }]) }), grpc.status.INVALID_ARGUMENT, 'has no gold answers'],
      ['an unknown process judge', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, processJudgeId: 'oracle', input: inline(trajectories()) }), grpc.status.NOT_FOUND, 'unknown process judge "oracle"'],
      ['the llm grader unconfigured', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_OUTCOME, outcomeGrader: OutcomeGrader.OUTCOME_GRADER_LLM, input: inline(trajectories()) }), grpc.status.NOT_FOUND, 'LLM grader is not configured'],
      ['ids without a trajectory store', () => ({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: { $case: 'trajectoryIds' as const, value: { ids: ['x'] } } }), grpc.status.FAILED_PRECONDITION, '--coordinator-target'],
    ])('%s', async (_, request, code, message) => {
      await expect(judge.client.filter(request())).rejects.toMatchObject({ code, details: expect.stringContaining(message) });
    });
  });
});

describe('Filter by trajectory id, read from the trajectory store', () => {
  let judge: TestJudge;
  let store: Awaited<ReturnType<typeof startTrajectoryStore>>;
  let stored: Trajectory[];

  beforeAll(async () => {
    stored = teacherTrajectories('older-person', 4, { mistakes: FREQUENT }).map((s) => s.trajectory);
    store = await startTrajectoryStore(stored);
    judge = await startTestJudge(['--cache-file=off', `--coordinator-target=${store.target}`]);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await judge?.stop();
    await store?.stop();
  });

  it('fetches the trajectories by id and filters them as if passed inline', async () => {
    const ids = stored.map((t) => t.id);
    const byId = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: { $case: 'trajectoryIds', value: { ids } } });
    const byValue = await judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_PROCESS, input: inline(stored) });
    expect(store.requests).toEqual(ids);
    expect(byId.decisions).toEqual(byValue.decisions);
  });

  it('answers NOT_FOUND for an id the store does not have, and UNAVAILABLE when the store is down', async () => {
    await expect(judge.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: { $case: 'trajectoryIds', value: { ids: [stored[0]!.id, 'nope'] } } })).rejects.toMatchObject({
      code: grpc.status.NOT_FOUND,
      details: expect.stringContaining('trajectory "nope" is not in the trajectory store'),
    });
    const orphan = await startTestJudge(['--cache-file=off', '--coordinator-target=127.0.0.1:1']);
    try {
      await expect(orphan.client.filter({ strategy: FilterStrategy.FILTER_STRATEGY_NONE, input: { $case: 'trajectoryIds', value: { ids: ['x'] } } }, { deadline: Date.now() + 10_000 })).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
        details: expect.stringContaining('the trajectory store at 127.0.0.1:1 is unavailable'),
      });
    } finally {
      await orphan.stop();
    }
  });
});
