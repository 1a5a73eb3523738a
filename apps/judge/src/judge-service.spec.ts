import * as grpc from '@grpc/grpc-js';
import { checkHealth, listServicesByReflection } from '@swirl/grpc-kit';
import { ChatRole, JudgeBackend, JudgeKind, OutcomeGrader, OutcomeLabel, TaskFamily, VerdictLabel } from '@swirl/proto';
import { seriesPattern } from './testing/judge-client.test-support';
import { scratchDir, startTestJudge, type TestJudge } from './testing/start-test-judge.test-support';
import { stepItems, teacherTrajectories } from './testing/teacher-trajectories.test-support';

const START_TIMEOUT_MS = 60_000;

describe('judge service over gRPC (rules judge, deterministic graders)', () => {
  const scratch = scratchDir();
  let judge: TestJudge;

  beforeAll(async () => {
    judge = await startTestJudge([`--cache-file=${scratch.dir}/verdicts.sqlite`]);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await judge?.stop();
    scratch.cleanup();
  });

  it('reports SERVING and offers its service through reflection', async () => {
    expect(await checkHealth(judge.target, 'swirl.v1.JudgeService')).toBe('SERVING');
    expect(await listServicesByReflection(judge.target)).toEqual(expect.arrayContaining(['swirl.v1.JudgeService', 'grpc.health.v1.Health']));
  });

  it('lists the rules judge and the deterministic graders, sorted by id, without llm ones when no inference service is configured', async () => {
    const { judges } = await judge.client.listJudges();
    expect(judges.map((j) => j.id)).toEqual(['outcome-exact-match', 'outcome-numeric', 'outcome-token-f1', 'rules']);
    expect(judges.find((j) => j.id === 'rules')).toMatchObject({ kind: JudgeKind.JUDGE_KIND_PROCESS, backend: JudgeBackend.JUDGE_BACKEND_RULES, isDefault: true, defaultSamples: 1, version: 'rules/1' });
    expect((await judge.client.listJudges(JudgeKind.JUDGE_KIND_OUTCOME)).judges.every((j) => j.kind === JudgeKind.JUDGE_KIND_OUTCOME)).toBe(true);
  });

  it('judges teacher steps: GOOD steps GOOD, injected mistakes BAD with the rule named, in request order', async () => {
    const items = stepItems([...teacherTrajectories('larger-city', 6), ...teacherTrajectories('work-savings', 6)]);
    const { judgments } = await judge.client.judgeSteps({ items: items.map((i) => i.item) });
    expect(judgments.map((j) => j.itemId)).toEqual(items.map((i) => i.item.itemId));
    judgments.forEach((j, k) => {
      expect(j.verdict).toMatchObject({ judgeId: 'rules', judgeVersion: 'rules/1', votes: 1 });
      if (items[k]!.label.systematic) expect(j.verdict).toMatchObject({ label: VerdictLabel.VERDICT_LABEL_BAD, score: 0, goodVotes: 0, rationale: expect.stringMatching(/^BAD \[(options-looked-up|quantities-compatible)\]/) });
    });
    expect(items.some((i) => i.label.systematic)).toBe(true);
    const good = judgments.filter((_, k) => items[k]!.label.good);
    expect(good.filter((j) => j.verdict!.label === VerdictLabel.VERDICT_LABEL_GOOD).length / good.length).toBeGreaterThan(0.95);
  });

  it('judges an empty action (a policy that stopped at once) BAD instead of refusing it', async () => {
    const item = stepItems(teacherTrajectories('birth-country', 1))[0]!.item;
    const { judgments } = await judge.client.judgeSteps({ items: [{ ...item, itemId: 'empty', actionText: '' }, item] });
    expect(judgments.map((j) => j.itemId)).toEqual(['empty', item.itemId]);
    expect(judgments[0]!.verdict).toMatchObject({ label: VerdictLabel.VERDICT_LABEL_BAD, score: 0, rationale: 'BAD [well-formed-action] the turn is empty' });
  });

  it('answers a repeat from the cache (same verdict, create time included), and judges afresh with bypass_cache', async () => {
    const items = stepItems(teacherTrajectories('birth-country', 2)).map((i) => i.item);
    const first = await judge.client.judgeSteps({ items });
    const again = await judge.client.judgeSteps({ items });
    expect(again.judgments.every((j) => j.cacheHit)).toBe(true);
    expect(again.judgments.map((j) => j.verdict)).toEqual(first.judgments.map((j) => j.verdict));
    const bypassed = await judge.client.judgeSteps({ items, bypassCache: true });
    expect(bypassed.judgments.every((j) => !j.cacheHit)).toBe(true);
    expect(bypassed.judgments.map((j) => j.verdict!.label)).toEqual(first.judgments.map((j) => j.verdict!.label));
  });

  describe('bad requests get a status and a message that says what to fix', () => {
    const step = () => stepItems(teacherTrajectories('birth-country', 1))[0]!.item;
    it.each([
      ['no items', () => ({ items: [] }), grpc.status.INVALID_ARGUMENT, 'items is empty'],
      ['an oversized batch', () => ({ items: Array.from({ length: 257 }, (_, i) => ({ ...step(), itemId: `i${i}` })) }), grpc.status.INVALID_ARGUMENT, 'holds 257 steps; at most 256 per call: split the batch'],
      ['a missing prefix', () => ({ items: [{ ...step(), prefix: [] }] }), grpc.status.INVALID_ARGUMENT, '.prefix is empty: pass the conversation before the action'],
      ['a message without role', () => ({ items: [{ ...step(), prefix: [{ role: ChatRole.CHAT_ROLE_UNSPECIFIED, content: 'hi' }] }] }), grpc.status.INVALID_ARGUMENT, 'prefix[0].role is not set'],
      ['duplicate item ids', () => ({ items: [step(), step()] }), grpc.status.INVALID_ARGUMENT, 'is used by items[0] and items[1]'],
      ['too many samples', () => ({ items: [step()], samples: 17 }), grpc.status.INVALID_ARGUMENT, 'at most 16 votes per item'],
      ['an unknown judge', () => ({ items: [step()], judgeId: 'oracle' }), grpc.status.NOT_FOUND, 'unknown process judge "oracle"; configured process judges: rules'],
      ['the llm judge when none is configured', () => ({ items: [step()], judgeId: 'llm' }), grpc.status.NOT_FOUND, 'needs the service started with --inference-target'],
    ])('JudgeSteps with %s', async (_, request, code, message) => {
      await expect(judge.client.judgeSteps(request())).rejects.toMatchObject({ code, details: expect.stringContaining(message) });
    });

    const answer = { itemId: '', predictedAnswer: '18', goldAnswers: ['18'], question: '', family: TaskFamily.TASK_FAMILY_MATH };
    it.each([
      ['no items', { items: [] }, grpc.status.INVALID_ARGUMENT, 'items is empty'],
      ['an oversized batch', { items: Array.from({ length: 1025 }, () => answer) }, grpc.status.INVALID_ARGUMENT, 'at most 1024 per call'],
      ['no gold answer', { items: [{ ...answer, goldAnswers: [' '] }] }, grpc.status.INVALID_ARGUMENT, 'items[0].gold_answers is empty'],
      ['an f1 threshold above 1', { items: [answer], f1Threshold: 1.5 }, grpc.status.INVALID_ARGUMENT, 'f1_threshold is 1.5; it must be in [0, 1]'],
      ['the llm grader when none is configured', { items: [answer], grader: OutcomeGrader.OUTCOME_GRADER_LLM }, grpc.status.NOT_FOUND, 'the LLM grader is not configured'],
    ])('JudgeOutcome with %s', async (_, request, code, message) => {
      await expect(judge.client.judgeOutcome(request)).rejects.toMatchObject({ code, details: expect.stringContaining(message) });
    });
  });

  it('grades outcomes with the family default, token F1 on request, and reports F1, precision and recall', async () => {
    const { judgments } = await judge.client.judgeOutcome({
      items: [
        { itemId: 'm1', predictedAnswer: '$18.00', goldAnswers: ['Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\n#### 18'], question: '', family: TaskFamily.TASK_FAMILY_MATH },
        { itemId: 'm2', predictedAnswer: '19', goldAnswers: ['18'], question: '', family: TaskFamily.TASK_FAMILY_MATH },
        { itemId: 'q1', predictedAnswer: 'the chief of protocol', goldAnswers: ['Chief of Protocol'], question: '', family: TaskFamily.TASK_FAMILY_MULTI_HOP_QA },
        { itemId: 'q2', predictedAnswer: '', goldAnswers: ['Chief of Protocol'], question: '', family: TaskFamily.TASK_FAMILY_UNSPECIFIED },
      ],
    });
    expect(judgments.map((j) => [j.itemId, j.verdict!.label, j.verdict!.grader])).toEqual([
      ['m1', OutcomeLabel.OUTCOME_LABEL_YES, OutcomeGrader.OUTCOME_GRADER_NUMERIC],
      ['m2', OutcomeLabel.OUTCOME_LABEL_NO, OutcomeGrader.OUTCOME_GRADER_NUMERIC],
      ['q1', OutcomeLabel.OUTCOME_LABEL_YES, OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH],
      ['q2', OutcomeLabel.OUTCOME_LABEL_NO, OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH],
    ]);
    expect(judgments[0]!.verdict).toMatchObject({ rationale: 'numeric: 18 dollar == 18', graderVersion: 'outcome/1', predictedAnswer: '$18.00', matchedGoldAnswer: '18' });
    const f1 = await judge.client.judgeOutcome({ grader: OutcomeGrader.OUTCOME_GRADER_TOKEN_F1, f1Threshold: 0.7, items: [{ ...judgments[0]!, itemId: 'f', predictedAnswer: 'It was Chief of Protocol', goldAnswers: ['Chief of Protocol'], question: '', family: 0 }] });
    expect(f1.judgments[0]!.verdict).toMatchObject({ label: OutcomeLabel.OUTCOME_LABEL_YES, precision: 0.6, recall: 1 });
    expect(f1.judgments[0]!.verdict!.f1).toBeCloseTo(0.75, 9);
  });

  it('counts verdicts, latency, cache lookups and accept rate by step index on /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${judge.running.metricsPort}/metrics`)).text();
    expect(text).toMatch(seriesPattern('swirl_judge_verdicts_total', { judge: 'rules', verdict: 'good' }));
    expect(text).toMatch(seriesPattern('swirl_judge_verdicts_total', { judge: 'rules', verdict: 'bad' }));
    expect(text).toMatch(seriesPattern('swirl_judge_verdicts_total', { judge: 'outcome-numeric', verdict: 'yes' }));
    expect(text).toMatch(seriesPattern('swirl_judge_verdict_seconds_count', { judge: 'rules' }));
    expect(text).toMatch(seriesPattern('swirl_judge_cache_lookups_total', { judge: 'rules', result: 'hit' }));
    expect(text).toMatch(seriesPattern('swirl_judge_cache_hit_ratio', { judge: 'rules' }));
    expect(text).toMatch(seriesPattern('swirl_judge_step_accept_rate', { step_index: '0' }));
    expect(text).toMatch(seriesPattern('swirl_judge_steps_total', { step_index: '2' }));
    expect(text).toMatch(seriesPattern('grpc_server_handled_total', { grpc_method: 'JudgeSteps', grpc_code: 'InvalidArgument' }));
  });
});
