import { ActionKind, JobState, ToolResultStatus, TrajectoryFinishReason, TrajectoryView, type Trajectory } from '@swirl/proto';
import { PROMPT_VERSION } from '@swirl/world';
import { openSqliteStore } from '@swirl/store';
import { startCoordinator, worldSynthesisSpec, type CoordinatorUnderTest } from '../testing/coordinator-under-test.test-support';
import { POLICY, startServiceStack, type ServiceStack } from '../testing/service-stack.test-support';

/** The grammar policy's expressions use digits, + and * only: their value, to check the calculator ran. */
function evaluateSimple(expression: string): number {
  return expression
    .split('+')
    .map((term) => term.split('*').reduce((p, f) => p * Number(f), 1))
    .reduce((a, b) => a + b, 0);
}

describe('SYNTHESIZE jobs against real inference and tools services', () => {
  let stack: ServiceStack;
  let coordinator: CoordinatorUnderTest;

  beforeAll(async () => {
    stack = await startServiceStack();
    coordinator = await startCoordinator(stack, 'synthesize');
  }, 300_000);
  afterAll(async () => {
    await coordinator?.stop();
    await stack?.dispose();
  });

  const actions = (trajectories: readonly Trajectory[]) =>
    new Map(trajectories.map((t) => [`${t.task!.id}#${t.sampleIndex}`, t.steps.map((s) => `${s.action!.rawText} => ${s.observation}`)]));

  let first: Trajectory[];

  it('runs N samples per task, storing every step with tokens, log-probs, tool call and result', async () => {
    const job = await coordinator.client.start(worldSynthesisSpec({ count: 6, samples: 3, seed: 7 }));
    expect([JobState.JOB_STATE_PENDING, JobState.JOB_STATE_RUNNING]).toContain(job.state);
    const done = await coordinator.client.finish(job.id);
    expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    const result = done.result!.result;
    expect(result?.$case).toBe('synthesize');
    if (result?.$case !== 'synthesize') return;
    const r = result.value;
    expect(r).toMatchObject({ tasks: 6, trajectories: 18, errors: 0, policy: { ...POLICY } });
    expect(r.answered + r.stepCapReached + r.malformed).toBe(18);

    first = await coordinator.client.trajectories(job.id, TrajectoryView.TRAJECTORY_VIEW_FULL, 7);
    expect(first).toHaveLength(18);
    expect(new Set(first.map((t) => t.id)).size).toBe(18);
    expect(first.reduce((n, t) => n + t.steps.length, 0)).toBe(r.steps);
    expect(first.reduce((n, t) => n + t.steps.reduce((m, s) => m + s.actionTokenIds.length, 0), 0)).toBe(r.generatedTokens);
    const samplesByTask = new Map<string, number[]>();
    for (const t of first) samplesByTask.set(t.task!.id, [...(samplesByTask.get(t.task!.id) ?? []), t.sampleIndex].sort());
    expect([...samplesByTask.values()]).toEqual(Array(6).fill([0, 1, 2]));

    const tools = new Set<string>();
    const searchStatuses = new Set<ToolResultStatus>();
    for (const t of first) {
      expect(t).toMatchObject({ jobId: job.id, promptVersion: PROMPT_VERSION, model: { ...POLICY }, errorMessage: '' });
      expect(t.prompt.map((m) => m.content)[1]).toBe(`Question: ${t.task!.question}`);
      expect(t.sampling!.seed).toEqual(expect.any(Number));
      expect(t.finishReason).not.toBe(TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_UNSPECIFIED);
      t.steps.forEach((step, i) => {
        expect(step.index).toBe(i);
        expect(step.actionTokenIds.length).toBeGreaterThan(0);
        expect(step.actionLogprobs).toHaveLength(step.actionTokenIds.length);
        expect(step.actionLogprobs.every((lp) => lp <= 0)).toBe(true);
        expect(step.prefix!.tokenIds.length).toBe(step.prefix!.tokenCount);
        expect(step.prefix!.messageCount).toBe(2 + 2 * i);
        expect(step.seed).toEqual(expect.any(Number));
        if (step.action!.kind !== ActionKind.ACTION_KIND_TOOL_CALL) return;
        const call = step.action!.parsed?.$case === 'toolCall' ? step.action!.parsed.value : undefined;
        expect(call?.callId).toBe(`${t.id}/${i}`);
        expect(step.toolResult?.callId).toBe(`${t.id}/${i}`);
        expect(step.observation).toBe(step.toolResult!.observation);
        tools.add(call!.toolName);
        if (call!.toolName === 'calculator') {
          const expression = String(call!.arguments!['expression']);
          expect(step.toolResult?.status).toBe(ToolResultStatus.TOOL_RESULT_STATUS_OK);
          expect(step.observation).toBe(`${expression} -> ${evaluateSimple(expression)}`);
        } else {
          // Queries like "a" are all stop words: the search tool answers TOOL_ERROR, readable by the model.
          const query = String(call!.arguments!['query']);
          expect(call!.arguments).toEqual({ query, corpus: 'world', top_k: 3 });
          expect(step.observation.startsWith(`${query} -> `)).toBe(true);
          searchStatuses.add(step.toolResult!.status);
        }
      });
      const last = t.steps[t.steps.length - 1]!;
      if (t.finishReason === TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_ANSWERED) expect(t.finalAnswer).toBe(last.action!.parsed?.value);
      if (t.finishReason === TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_STEP_CAP) expect(t.steps).toHaveLength(t.maxSteps);
      if (t.finishReason === TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_MALFORMED_ACTION) expect(last.action!.kind).toBe(ActionKind.ACTION_KIND_MALFORMED);
    }
    expect([...tools].sort()).toEqual(['calculator', 'search']);
    expect(searchStatuses.has(ToolResultStatus.TOOL_RESULT_STATUS_OK)).toBe(true);
  });

  it('reproduces every trajectory from the job seed', async () => {
    const again = await coordinator.client.start(worldSynthesisSpec({ count: 6, samples: 3, seed: 7, concurrency: 3 }));
    expect((await coordinator.client.finish(again.id)).state).toBe(JobState.JOB_STATE_SUCCEEDED);
    const second = await coordinator.client.trajectories(again.id);
    expect(actions(second)).toEqual(actions(first));
  });

  it('keeps the store consistent: every trajectory ended, steps in order, questions stored', async () => {
    const store = await openSqliteStore({ path: coordinator.storePath });
    try {
      const jobs = await store.listJobs({ kind: 'synthesize' });
      for (const job of jobs) expect(await store.listUnfinishedTrajectories(job.id)).toEqual([]);
      const t = first[0]!;
      expect(await store.getQuestion(t.task!.id)).toMatchObject({ source: 'world', text: t.task!.question, goldAnswers: t.task!.goldAnswers });
    } finally {
      await store.close();
    }
  });
});
