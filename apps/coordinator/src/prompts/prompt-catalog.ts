import type { ChatMessage, TaskFamily } from '@swirl/store';
import { PROMPT_VERSION as WORLD_PROMPT_VERSION, renderConversation } from '@swirl/world';
import type { Task } from '../tasks/task';
import { BENCHMARK_PROMPT_VERSION, benchmarkPrompt } from './benchmark-prompts';

/** A versioned prompt template: the initial messages s1 of a task. */
export interface PromptTemplate {
  readonly version: string;
  /** System prompt and question; later turns follow the proto's rule (action, then observation). */
  initialMessages(task: { family: TaskFamily; question: string }): ChatMessage[];
}

const TEMPLATES: ReadonlyMap<string, PromptTemplate> = new Map<string, PromptTemplate>([
  [WORLD_PROMPT_VERSION, { version: WORLD_PROMPT_VERSION, initialMessages: (task) => renderConversation(task, []) }],
  [BENCHMARK_PROMPT_VERSION, { version: BENCHMARK_PROMPT_VERSION, initialMessages: benchmarkPrompt }],
]);

export const PROMPT_VERSIONS: readonly string[] = [...TEMPLATES.keys()];

/** The template of a version, or undefined if the coordinator does not know it. */
export function promptTemplate(version: string): PromptTemplate | undefined {
  return TEMPLATES.get(version);
}

/**
 * The coordinator's default prompts for a task: the world's own for synthetic-world tasks (the
 * embedded policy learned them), the benchmark prompts for everything else.
 */
export function defaultPromptVersion(task: Pick<Task, 'source'>): string {
  return task.source === 'world' ? WORLD_PROMPT_VERSION : BENCHMARK_PROMPT_VERSION;
}
