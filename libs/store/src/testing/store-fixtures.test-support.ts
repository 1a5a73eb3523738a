import type { NewJob } from '../domain/job';
import type { Question } from '../domain/question';
import type { NewStep } from '../domain/step';
import type { NewTrainingRun } from '../domain/training-run';
import type { NewTrajectory } from '../domain/trajectory';
import type { TrajectoryStore } from '../store/trajectory-store';

/** Deterministic sample records: tests and the child writer process build the same content. */

export function sampleQuestion(id = 'world/train/q-1', overrides: Partial<Question> = {}): Question {
  return {
    id,
    source: 'world',
    family: 'math',
    split: 'train',
    text: `Ann has 48 apples and gives half away. How many are left? (${id})`,
    goldAnswers: ['24'],
    metadata: { generator: 'arithmetic', depth: 2 },
    ...overrides,
  };
}

export function sampleJob(id = 'job-1', overrides: Partial<NewJob> = {}): NewJob {
  return { id, kind: 'synthesize', config: { samplesPerQuestion: 2, policy: { name: 'swirl-tiny', version: 'base' } }, ...overrides };
}

export function sampleTrajectory(id: string, jobId: string, questionId: string, overrides: Partial<NewTrajectory> = {}): NewTrajectory {
  return {
    id,
    jobId,
    questionId,
    sampleIndex: 0,
    model: { name: 'swirl-tiny', version: 'base' },
    promptVersion: 'swirl-v1',
    samplingSeed: 7,
    sampling: { temperature: 1, maxNewTokens: 64 },
    maxSteps: 10,
    prompt: [
      { role: 'system', content: 'Solve the problem with the calculator.' },
      { role: 'user', content: `Question for ${id}` },
    ],
    ...overrides,
  };
}

export function sampleRun(id: string, overrides: Partial<NewTrainingRun> = {}): NewTrainingRun {
  return {
    id,
    datasetVersionId: 'ds-1',
    baseModel: { name: 'swirl-tiny', version: 'base' },
    algorithm: 'swirl',
    hyperParameters: { samplesPerState: 4, statesPerBatch: 32, learningRate: 5e-5, klCoef: 0.02, seed: 11 },
    rewardJudge: { id: 'rules', version: '3' },
    totalUpdates: 50,
    ...overrides,
  };
}

/** A small deterministic pseudo-random sequence, so step content depends only on (trajectory, index). */
function sequence(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A tool-call step (or, with `final`, a final-answer step) whose every value derives from its ref. */
export function sampleStep(trajectoryId: string, index: number, options: { final?: boolean; tokens?: number } = {}): NewStep {
  const random = sequence(`${trajectoryId}/${index}`);
  const tokens = options.tokens ?? 24 + Math.floor(random() * 40);
  const tokenIds = Array.from({ length: tokens }, () => Math.floor(random() * 50_000));
  const logprobs = Array.from({ length: tokens }, () => Math.log(random() + 1e-6));
  const expression = `${index + 2} * ${Math.floor(random() * 100)}`;
  const base = {
    trajectoryId,
    index,
    prefix: { hash: `prefix-${trajectoryId}-${index}`, messageCount: 2 + 2 * index, tokenCount: 40 + 30 * index, tokenIds: tokenIds.slice(0, 8) },
    actionTokenIds: tokenIds,
    actionLogprobs: logprobs,
    finishReason: 'stop_sequence' as const,
    model: { name: 'swirl-tiny', version: 'base' },
    promptVersion: 'swirl-v1',
    seed: 1000 + index,
    timings: { startedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, index)), generationMs: 12.5 + index, toolMs: 0.75, totalMs: 14 + index },
  };
  if (options.final) {
    return {
      ...base,
      action: { kind: 'final_answer', text: 'So the answer is <answer>24</answer>', reasoning: 'So the answer is', answer: '24' },
      observation: '',
      timings: { ...base.timings, toolMs: undefined },
    };
  }
  return {
    ...base,
    action: {
      kind: 'tool_call',
      text: `Compute it. <math_exp>${expression}</math_exp>`,
      reasoning: 'Compute it.',
      toolCall: { toolName: 'calculator', arguments: { expression }, callId: `${trajectoryId}/${index}` },
    },
    toolResult: { status: 'ok', output: '42', observation: `${expression} -> 42`, truncated: false, detail: { valueText: '42', exact: true } },
    observation: `${expression} -> 42`,
  };
}

/** Stores (unless present) a question and a job, then a running trajectory with `steps` tool-call steps. */
export async function seedTrajectory(
  store: TrajectoryStore,
  ids: { trajectoryId: string; jobId?: string; questionId?: string; sampleIndex?: number },
  steps = 2,
): Promise<void> {
  const jobId = ids.jobId ?? 'job-1';
  const questionId = ids.questionId ?? 'world/train/q-1';
  if (!(await store.getQuestion(questionId))) await store.upsertQuestions([sampleQuestion(questionId)]);
  await store.createJob(sampleJob(jobId));
  await store.startTrajectory(sampleTrajectory(ids.trajectoryId, jobId, questionId, { sampleIndex: ids.sampleIndex ?? 0 }));
  for (let index = 0; index < steps; index++) await store.appendStep(sampleStep(ids.trajectoryId, index));
}
