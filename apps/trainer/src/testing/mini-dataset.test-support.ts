import { createHash } from 'node:crypto';
import { ChatRole, type ChatMessage as ProtoChatMessage, type ModelRef } from '@swirl/proto';
import type { ChatMessage, NewStep, TrajectoryStore } from '@swirl/store';
import type { InferencePort } from '../clients/service-clients';
import { MINI_SYSTEM_PROMPT, miniWorld } from './mini-world.test-support';

/** One stored example of the seeded dataset with the tokens the policy's tokenizer gives it. */
export interface SeededExample {
  readonly id: string;
  /** The state s_i as the trainer sends it to inference and the judge. */
  readonly state: readonly ProtoChatMessage[];
  readonly promptTokenIds: readonly number[];
  readonly actionTokenIds: readonly number[];
  /** Whether the store holds the token ids (else the trainer must tokenize). */
  readonly storedTokens: boolean;
}

export interface SeededDataset {
  readonly datasetVersionId: string;
  readonly examples: readonly SeededExample[];
}

const ROLE: Record<ChatMessage['role'], ChatRole> = { system: ChatRole.CHAT_ROLE_SYSTEM, user: ChatRole.CHAT_ROLE_USER, assistant: ChatRole.CHAT_ROLE_ASSISTANT, tool: ChatRole.CHAT_ROLE_TOOL };

/**
 * Writes mini-world trajectories into the store the way synthesis does (questions, a job,
 * trajectories with their steps) and a dataset version holding every step, as a filter with
 * strategy `none` would. Even-numbered trajectories carry the token ids a policy would have
 * reported (prefix after the chat template, action); odd ones carry none, like a backend that
 * reports no tokens.
 */
export async function seedMiniDataset(store: TrajectoryStore, inference: InferencePort, model: ModelRef, options: { id: string; trajectories: number; seed: number }): Promise<SeededDataset> {
  const world = miniWorld(options.trajectories, options.seed);
  await store.upsertQuestions(
    world.map((t) => ({ id: `${options.id}/${t.questionId}`, source: 'jsonl' as const, family: 'multihop' as const, split: 'train', text: t.question, goldAnswers: [t.answer], metadata: {} })),
  );
  const jobId = `${options.id}-synthesis`;
  await store.createJob({ id: jobId, kind: 'synthesize', config: { source: 'mini-world', seed: options.seed } });
  const examples: SeededExample[] = [];
  const members: { trajectoryId: string; index: number }[] = [];
  for (const [i, t] of world.entries()) {
    const trajectoryId = `${options.id}-t${i}`;
    const prompt: ChatMessage[] = [
      { role: 'system', content: MINI_SYSTEM_PROMPT },
      { role: 'user', content: `Question: ${t.question}` },
    ];
    await store.startTrajectory({ id: trajectoryId, jobId, questionId: `${options.id}/${t.questionId}`, sampleIndex: 0, model, promptVersion: 'mini-world/1', sampling: { temperature: 1 }, maxSteps: 5, prompt });
    const state = [...prompt];
    for (const [index, step] of t.steps.entries()) {
      const messages = state.map((m) => ({ role: ROLE[m.role], content: m.content }));
      const promptIds = (await inference.tokenize({ model, input: { $case: 'chat', value: { messages } }, addSpecialTokens: false, addGenerationPrompt: true })).tokenIds;
      const actionIds = (await inference.tokenize({ model, input: { $case: 'text', value: step.action }, addSpecialTokens: false, addGenerationPrompt: false })).tokenIds;
      const storedTokens = i % 2 === 0;
      const answer = /<answer>(.*)<\/answer>/.exec(step.action)?.[1];
      const query = /<search_query>(.*)<\/search_query>/.exec(step.action)?.[1];
      const newStep: NewStep = {
        trajectoryId,
        index,
        prefix: { hash: createHash('sha256').update(JSON.stringify(state)).digest('hex'), messageCount: state.length, tokenCount: promptIds.length, ...(storedTokens ? { tokenIds: promptIds } : {}) },
        action:
          answer !== undefined
            ? { kind: 'final_answer', text: step.action, reasoning: step.action.split('<')[0]!.trim(), answer }
            : { kind: 'tool_call', text: step.action, reasoning: step.action.split('<')[0]!.trim(), toolCall: { toolName: 'search', arguments: { query: query! } } },
        actionTokenIds: storedTokens ? actionIds : [],
        actionLogprobs: [],
        finishReason: 'stop_sequence',
        ...(step.observation === undefined ? {} : { toolResult: { status: 'ok' as const, output: step.observation.split(' -> ')[1]!, observation: step.observation, truncated: false } }),
        observation: step.observation ?? '',
        model,
        promptVersion: 'mini-world/1',
        seed: i,
        timings: { startedAt: new Date(0), generationMs: 1, totalMs: 1, ...(step.observation === undefined ? {} : { toolMs: 1 }) },
      };
      await store.appendStep(newStep);
      examples.push({ id: `${trajectoryId}/${index}`, state: messages, promptTokenIds: promptIds, actionTokenIds: actionIds, storedTokens });
      members.push({ trajectoryId, index });
      state.push({ role: 'assistant', content: step.action });
      if (step.observation !== undefined) state.push({ role: 'user', content: step.observation });
    }
    await store.finishTrajectory(trajectoryId, { finishReason: 'answered', finalAnswer: t.answer });
  }
  const datasetVersionId = `${options.id}-dataset`;
  await store.createDatasetVersion({
    id: datasetVersionId,
    name: `${options.id} (all steps)`,
    filterStrategy: 'none',
    sourceJobIds: [jobId],
    sourceTrajectoryIds: [],
    stats: { trajectoriesIn: world.length, trajectoriesKept: world.length },
    members,
    rejections: [],
  });
  return { datasetVersionId, examples };
}
