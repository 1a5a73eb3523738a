import * as grpc from '@grpc/grpc-js';
import { createClient } from '@swirl/grpc-kit';
import { actionHash, outcomeGraderMessages, outcomeVerdictKey, prefixHash, stepJudgeMessages, stepVerdictKey, voteSeed } from '@swirl/judging';
import { ChatRole, InferenceServiceClient, JudgeBackend, OutcomeGrader, OutcomeLabel, TaskFamily, VerdictLabel, type GenerateResponse, type StepJudgeItem } from '@swirl/proto';
import { seriesPattern } from '../testing/judge-client.test-support';
import { startTestJudge, type TestJudge } from '../testing/start-test-judge.test-support';
import { startTinyInference } from '../testing/tiny-inference.test-support';
import { toChatMessages, toChatTurns } from '../rpc/proto-mapping';
import { countVotes } from './vote-verdict';

const START_TIMEOUT_MS = 120_000;
const MAX_NEW_TOKENS = 48;
const TEMPERATURE = 0.7;

// Short steps: the tiny model's context is 512 tokens, so the compact prompt is the one that fits.
const items: StepJudgeItem[] = [
  { itemId: 'calc', prefix: [{ role: ChatRole.CHAT_ROLE_USER, content: 'Question: What is 48 / 2?' }], actionText: '<math_exp>48 / 2</math_exp>', task: undefined },
  {
    itemId: 'answer',
    prefix: [
      { role: ChatRole.CHAT_ROLE_USER, content: 'Question: What is 48 / 2?' },
      { role: ChatRole.CHAT_ROLE_ASSISTANT, content: '<math_exp>48 / 2</math_exp>' },
      { role: ChatRole.CHAT_ROLE_USER, content: '48 / 2 -> 24' },
    ],
    actionText: 'The answer is 24. <answer>24</answer>',
    task: undefined,
  },
];

describe('llm judge and grader on the real inference service (tiny random model)', () => {
  let inference: Awaited<ReturnType<typeof startTinyInference>>;
  let judge: TestJudge;
  let direct: InferenceServiceClient;
  const llmArgs = (target: string, extra: string[] = []) => [
    '--cache-file=off',
    `--inference-target=${target}`,
    '--llm-model=tiny',
    '--llm-prompt=compact',
    `--llm-max-new-tokens=${MAX_NEW_TOKENS}`,
    `--llm-temperature=${TEMPERATURE}`,
    '--llm-max-transcript-chars=200',
    ...extra,
  ];

  beforeAll(async () => {
    inference = await startTinyInference();
    judge = await startTestJudge(llmArgs(inference.target));
    direct = createClient(InferenceServiceClient, { target: inference.target });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    direct?.close();
    await judge?.stop();
    await inference?.running.shutdown('test over');
  });

  /** What the inference service answers to exactly the judge's request: the votes, recounted here. */
  const generate = (messages: ReturnType<typeof stepJudgeMessages>, samples: number, seed: number) =>
    new Promise<GenerateResponse>((resolve, reject) =>
      direct.generate(
        { model: { name: 'tiny', version: 'v1' }, input: { $case: 'chat', value: { messages: toChatMessages(messages) } }, sampling: { temperature: TEMPERATURE, topP: undefined, topK: undefined, seed, maxNewTokens: MAX_NEW_TOKENS, stopSequences: [], ignoreEos: false }, numSamples: samples, returnPromptTokenIds: false },
        (e, r) => (e ? reject(e) : resolve(r)),
      ),
    );

  it('lists the llm judge and grader with their model', async () => {
    const { judges } = await judge.client.listJudges();
    expect(judges.map((j) => j.id)).toEqual(['llm', 'outcome-exact-match', 'outcome-llm', 'outcome-numeric', 'outcome-token-f1', 'rules']);
    expect(judges.find((j) => j.id === 'llm')).toMatchObject({ backend: JudgeBackend.JUDGE_BACKEND_LLM, model: { name: 'tiny', version: '' }, defaultSamples: 3, version: 'step-judge-compact/1+tiny@active' });
  });

  it('sends the prompt with k samples and seeds from the item, and its verdict is the majority of the votes as parsed (abstain when none can be read)', async () => {
    const samples = 5;
    const { judgments } = await judge.client.judgeSteps({ judgeId: 'llm', samples, items });
    for (const [k, j] of judgments.entries()) {
      const v = j.verdict!;
      expect(v).toMatchObject({ judgeId: 'llm', judgeVersion: 'step-judge-compact/1+tiny@v1', judgeModel: { name: 'tiny', version: 'v1' }, votes: samples });
      const step = { prefix: toChatTurns(items[k]!.prefix), action: items[k]!.actionText };
      const key = stepVerdictKey({ judgeId: 'llm', judgeVersion: v.judgeVersion, samples, prefixHash: prefixHash(step.prefix), actionHash: actionHash(step.action) });
      const response = await generate(stepJudgeMessages(step, 'compact', { maxTranscriptChars: 200 }), samples, voteSeed(key));
      const recount = countVotes(response.completions.map((c) => c.text), ['GOOD', 'BAD']);
      const label = recount.label === 'GOOD' ? VerdictLabel.VERDICT_LABEL_GOOD : recount.label === 'BAD' ? VerdictLabel.VERDICT_LABEL_BAD : VerdictLabel.VERDICT_LABEL_ABSTAIN;
      expect(v).toMatchObject({ label, goodVotes: recount.counts.GOOD, score: recount.counts.GOOD / samples, rationale: recount.rationale });
    }
    // A random model writes no verdict: the judge says so instead of passing it as GOOD.
    expect(judgments.some((j) => j.verdict!.label === VerdictLabel.VERDICT_LABEL_ABSTAIN && /^ABSTAIN: none of the 5 votes states GOOD or BAD; the first said /.test(j.verdict!.rationale))).toBe(true);
  });

  it('is reproducible (same votes for the same input), cached, and uses the default samples when asked for 0', async () => {
    const a = await judge.client.judgeSteps({ judgeId: 'llm', items, bypassCache: true });
    const b = await judge.client.judgeSteps({ judgeId: 'llm', items, bypassCache: true });
    expect(b.judgments.map((j) => ({ ...j.verdict, createTime: undefined }))).toEqual(a.judgments.map((j) => ({ ...j.verdict, createTime: undefined })));
    expect(a.judgments.every((j) => j.verdict!.votes === 3)).toBe(true);
    const c = await judge.client.judgeSteps({ judgeId: 'llm', items });
    expect(c.judgments.every((j) => j.cacheHit)).toBe(true);
  });

  it('grades outcomes YES/NO by majority, never ABSTAIN: unreadable votes grade NO and say so; F1 is reported as always', async () => {
    const item = { itemId: 'o', predictedAnswer: '24', goldAnswers: ['24'], question: 'What is 48 / 2?', family: TaskFamily.TASK_FAMILY_MATH };
    const { judgments } = await judge.client.judgeOutcome({ grader: OutcomeGrader.OUTCOME_GRADER_LLM, samples: 4, items: [item] });
    const v = judgments[0]!.verdict!;
    expect(v).toMatchObject({ grader: OutcomeGrader.OUTCOME_GRADER_LLM, graderVersion: 'outcome-grader-compact/1+tiny@v1', graderModel: { name: 'tiny', version: 'v1' }, f1: 1, exactMatch: true });
    const key = outcomeVerdictKey({ graderId: 'outcome-llm', graderVersion: v.graderVersion, samples: 4, f1Threshold: 0.5, predicted: '24', golds: ['24'], question: item.question, family: 'math' });
    const response = await generate(outcomeGraderMessages({ question: item.question, golds: ['24'], predicted: '24' }, 'compact'), 4, voteSeed(key));
    const recount = countVotes(response.completions.map((c) => c.text), ['YES', 'NO']);
    expect(v.label).toBe(recount.label === 'YES' ? OutcomeLabel.OUTCOME_LABEL_YES : OutcomeLabel.OUTCOME_LABEL_NO);
    expect(v.score).toBe(recount.counts.YES / 4);
    if (recount.label === undefined) expect(v.rationale).toMatch(/^ABSTAIN \(graded NO\): /);
  });

  it('abstains, cleanly, when the prompt does not fit the judge model (the full prompt on a 512-token model)', async () => {
    const full = await startTestJudge(llmArgs(inference.target, ['--llm-prompt=full']));
    try {
      const { judgments } = await full.client.judgeSteps({ judgeId: 'llm', items: [items[0]!] });
      expect(judgments[0]!.verdict).toMatchObject({ label: VerdictLabel.VERDICT_LABEL_ABSTAIN, votes: 0, rationale: expect.stringMatching(/^ABSTAIN: the inference service refused the judge prompt: .*context/) });
    } finally {
      await full.stop();
    }
  });

  it('turns a backend timeout into an explicit ABSTAIN that is not cached, and the call succeeds', async () => {
    // 1 ms: no generation fits, while finding the model (GetModel) must not be held to that bound.
    const hasty = await startTestJudge(llmArgs(inference.target, ['--llm-timeout-ms=1', '--llm-max-new-tokens=256']));
    try {
      const first = await hasty.client.judgeSteps({ judgeId: 'llm', samples: 16, items });
      // Either timeout: the call's deadline passed, or the millisecond was gone before the call was made.
      const timedOut = /^ABSTAIN: (the judge model gave no answer within \d+ ms|no time was left for this item)/;
      for (const j of first.judgments) expect(j.verdict).toMatchObject({ label: VerdictLabel.VERDICT_LABEL_ABSTAIN, votes: 0, score: 0, rationale: expect.stringMatching(timedOut) });
      const again = await hasty.client.judgeSteps({ judgeId: 'llm', samples: 16, items });
      expect(again.judgments.every((j) => !j.cacheHit)).toBe(true);
      const metrics = await (await fetch(`http://127.0.0.1:${hasty.running.metricsPort}/metrics`)).text();
      expect(metrics).toMatch(seriesPattern('swirl_judge_abstentions_total', { judge: 'llm', reason: 'timeout' }));
      expect(metrics).toMatch(seriesPattern('swirl_judge_verdicts_total', { judge: 'llm', verdict: 'abstain' }));
    } finally {
      await hasty.stop();
    }
  });

  it('answers within the caller’s deadline when generation takes longer: unfinished items abstain', async () => {
    const slow = await startTestJudge(llmArgs(inference.target, ['--llm-max-new-tokens=256', '--llm-max-concurrent=1', '--reply-margin-ms=200']));
    try {
      const many = Array.from({ length: 4 }, (_, i) => ({ ...items[i % 2]!, itemId: `i${i}`, actionText: `${items[i % 2]!.actionText} ` }));
      const { judgments } = await slow.client.judgeSteps({ judgeId: 'llm', samples: 16, items: many }, { deadline: Date.now() + 800 });
      expect(judgments).toHaveLength(4);
      expect(judgments.some((j) => j.verdict!.label === VerdictLabel.VERDICT_LABEL_ABSTAIN && /^ABSTAIN: (the judge model gave no answer|the call's time ran out|no time was left)/.test(j.verdict!.rationale))).toBe(true);
    } finally {
      await slow.stop();
    }
  });

  it('refuses with RESOURCE_EXHAUSTED when its queue for the backend is full', async () => {
    const narrow = await startTestJudge(llmArgs(inference.target, ['--llm-max-concurrent=1', '--llm-max-queued=0']));
    try {
      await expect(narrow.client.judgeSteps({ judgeId: 'llm', items })).rejects.toMatchObject({
        code: grpc.status.RESOURCE_EXHAUSTED,
        details: 'the llm judge is at its concurrency limit (1 running, 0 queued); retry later',
      });
    } finally {
      await narrow.stop();
    }
  });

  it('fails the call with UNAVAILABLE, naming the address, when the inference service cannot be reached', async () => {
    const orphan = await startTestJudge(llmArgs('127.0.0.1:1'));
    try {
      await expect(orphan.client.judgeSteps({ judgeId: 'llm', items }, { deadline: Date.now() + 15_000 })).rejects.toMatchObject({
        code: grpc.status.UNAVAILABLE,
        details: expect.stringContaining('the llm judge\'s inference backend is unavailable: the inference service at 127.0.0.1:1 did not answer'),
      });
      await expect(orphan.client.judgeOutcome({ grader: OutcomeGrader.OUTCOME_GRADER_LLM, items: [{ itemId: '', predictedAnswer: '1', goldAnswers: ['1'], question: '', family: 0 }] }, { deadline: Date.now() + 15_000 })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    } finally {
      await orphan.stop();
    }
  });

  it('fails with FAILED_PRECONDITION when the judge model is not loaded', async () => {
    const wrong = await startTestJudge([...llmArgs(inference.target), '--llm-model=absent']);
    try {
      await expect(wrong.client.judgeSteps({ judgeId: 'llm', items })).rejects.toMatchObject({ code: grpc.status.FAILED_PRECONDITION, details: expect.stringContaining('the judge model "absent" (active version) is not ready') });
      await expect(judge.client.judgeSteps({ judgeId: 'llm', items, judgeModel: { name: 'tiny', version: 'v9' } })).rejects.toMatchObject({ code: grpc.status.FAILED_PRECONDITION, details: expect.stringContaining('"tiny@v9"') });
    } finally {
      await wrong.stop();
    }
  });
});
