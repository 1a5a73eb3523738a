import type { JsonObject } from './json-value';
import type { ModelRef } from './model-ref';

/** Identifies one step: its trajectory and its 0-based index there. */
export interface StepRef {
  readonly trajectoryId: string;
  readonly index: number;
}

/** Kind of a parsed policy action. */
export type ActionKind = 'tool_call' | 'final_answer' | 'malformed';

export const ACTION_KINDS: readonly ActionKind[] = Object.freeze(['tool_call', 'final_answer', 'malformed']);

/** Why the policy's generation for a step ended. */
export type GenerationFinishReason = 'stop_sequence' | 'eos' | 'max_tokens' | 'context_length' | 'cancelled';

export const GENERATION_FINISH_REASONS: readonly GenerationFinishReason[] = Object.freeze([
  'stop_sequence',
  'eos',
  'max_tokens',
  'context_length',
  'cancelled',
]);

export type ToolResultStatus = 'ok' | 'tool_error' | 'timeout';

export const TOOL_RESULT_STATUSES: readonly ToolResultStatus[] = Object.freeze(['ok', 'tool_error', 'timeout']);

/** The state s_i an action was generated from. */
export interface PrefixRef {
  /** Hex SHA-256 of the canonical prefix (prompt version and messages). */
  readonly hash: string;
  readonly messageCount: number;
  readonly tokenCount: number;
  /** The prefix token ids as fed to the policy, when the backend reported them. */
  readonly tokenIds?: ArrayLike<number>;
}

export interface ToolCallRecord {
  readonly toolName: string;
  readonly arguments: JsonObject;
  readonly callId?: string;
}

export interface ToolResultRecord {
  readonly status: ToolResultStatus;
  /** Model-readable result text. */
  readonly output: string;
  /** The `QUERY -> RESULT` line of the result. */
  readonly observation: string;
  /** Operator detail when status is not ok. */
  readonly errorMessage?: string;
  readonly truncated: boolean;
  /** Tool-specific structured result (calculator or search detail). */
  readonly detail?: JsonObject;
}

/** The parsed action: exactly one of toolCall (tool_call) or answer (final_answer), or neither (malformed). */
export interface StepAction {
  readonly kind: ActionKind;
  /** The generated text exactly as returned by the policy. */
  readonly text: string;
  /** Free-text reasoning before the action tag, trimmed. */
  readonly reasoning: string;
  readonly toolCall?: ToolCallRecord;
  readonly answer?: string;
  /** Why parsing failed (malformed only). */
  readonly parseError?: string;
}

export interface StepTimings {
  /** When the policy call for this step was sent. */
  readonly startedAt: Date;
  readonly generationMs: number;
  /** Absent when no tool ran. */
  readonly toolMs?: number;
  /** Generation, parsing and tool execution. */
  readonly totalMs: number;
}

/** A completed step as given to `appendStep`; every field is part of its content. */
export interface NewStep {
  readonly trajectoryId: string;
  readonly index: number;
  readonly prefix: PrefixRef;
  readonly action: StepAction;
  /** Token ids of the action as generated. */
  readonly actionTokenIds: ArrayLike<number>;
  /** Sampling-time log-probability of each action token (same length), or empty when not reported. */
  readonly actionLogprobs: ArrayLike<number>;
  readonly finishReason: GenerationFinishReason;
  /** Result of the executed tool call (tool_call actions only). */
  readonly toolResult?: ToolResultRecord;
  /** The user turn appended after this action ('' for a final answer). */
  readonly observation: string;
  readonly model: ModelRef;
  readonly promptVersion: string;
  /** Seed passed to inference for this step; absent for greedy decoding. */
  readonly seed?: number;
  readonly timings: StepTimings;
}

/** A stored step: token ids and log-probs come back as typed arrays, bit-exact. */
export interface Step extends Omit<NewStep, 'prefix' | 'actionTokenIds' | 'actionLogprobs'> {
  readonly prefix: Omit<PrefixRef, 'tokenIds'> & { readonly tokenIds?: Uint32Array };
  readonly actionTokenIds: Uint32Array;
  readonly actionLogprobs: Float32Array;
  readonly createdAt: Date;
}

/** `<trajectory id>/<index>`, the example id of the proto's StepExample. */
export function stepId(ref: StepRef): string {
  return `${ref.trajectoryId}/${ref.index}`;
}
