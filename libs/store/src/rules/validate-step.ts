import { ACTION_KINDS, GENERATION_FINISH_REASONS, TOOL_RESULT_STATUSES, type NewStep, type StepAction, type ToolResultRecord } from '../domain/step';
import { encodeFloat32Blob, encodeUint32Blob } from '../encoding/typed-array-blob';
import { InvalidStoreInputError } from '../errors/store-error';
import {
  checkBoolean,
  checkCount,
  checkDate,
  checkDuration,
  checkId,
  checkJsonObject,
  checkNonEmpty,
  checkOneOf,
  checkOptionalCount,
  checkOptionalString,
  checkString,
} from './input-checks';
import { validateModelRef } from './validate-model-ref';
import { toLogprobs, toTokenIds } from './validate-token-arrays';

/** Checks a step and returns the columns of its row (blobs encoded, absent values null). */
export function validateStep(step: NewStep) {
  if (typeof step !== 'object' || step === null) throw new InvalidStoreInputError('step must be an object');
  const prefix = step.prefix;
  if (typeof prefix !== 'object' || prefix === null) throw new InvalidStoreInputError('step.prefix must be { hash, messageCount, tokenCount, tokenIds? }');
  const tokenIds = toTokenIds('step.actionTokenIds', step.actionTokenIds);
  const logprobs = toLogprobs('step.actionLogprobs', step.actionLogprobs);
  if (logprobs.length !== 0 && logprobs.length !== tokenIds.length) {
    throw new InvalidStoreInputError(`step.actionLogprobs has ${logprobs.length} values for ${tokenIds.length} action tokens; give one per token or none`);
  }
  const timings = step.timings ?? ({} as NewStep['timings']);
  const model = validateModelRef('step.model', step.model);
  return {
    trajectory_id: checkId('step.trajectoryId', step.trajectoryId),
    step_index: checkCount('step.index', step.index),
    prefix_hash: checkNonEmpty('step.prefix.hash', prefix.hash),
    prefix_message_count: checkCount('step.prefix.messageCount', prefix.messageCount),
    prefix_token_count: checkCount('step.prefix.tokenCount', prefix.tokenCount),
    prefix_token_ids: prefix.tokenIds === undefined ? null : encodeUint32Blob(toTokenIds('step.prefix.tokenIds', prefix.tokenIds)),
    ...actionColumns(step.action),
    action_token_ids: encodeUint32Blob(tokenIds),
    action_logprobs: encodeFloat32Blob(logprobs),
    finish_reason: checkOneOf('step.finishReason', step.finishReason, GENERATION_FINISH_REASONS),
    ...toolResultColumns(step.action, step.toolResult),
    observation: checkString('step.observation', step.observation),
    model_name: model.name,
    model_version: model.version,
    prompt_version: checkNonEmpty('step.promptVersion', step.promptVersion),
    seed: checkOptionalCount('step.seed', step.seed) ?? null,
    started_at: checkDate('step.timings.startedAt', timings.startedAt).getTime(),
    generation_ms: checkDuration('step.timings.generationMs', timings.generationMs),
    tool_ms: timings.toolMs === undefined ? null : checkDuration('step.timings.toolMs', timings.toolMs),
    total_ms: checkDuration('step.timings.totalMs', timings.totalMs),
  };
}

export type StepColumns = ReturnType<typeof validateStep>;

function actionColumns(action: StepAction) {
  if (typeof action !== 'object' || action === null) throw new InvalidStoreInputError('step.action must be an object');
  const kind = checkOneOf('step.action.kind', action.kind, ACTION_KINDS);
  const hasCall = action.toolCall !== undefined;
  const hasAnswer = action.answer !== undefined;
  if (hasCall !== (kind === 'tool_call')) throw new InvalidStoreInputError(`step.action.toolCall must be set exactly for tool_call actions (kind is ${kind})`);
  if (hasAnswer !== (kind === 'final_answer')) throw new InvalidStoreInputError(`step.action.answer must be set exactly for final_answer actions (kind is ${kind})`);
  if (action.parseError !== undefined && kind !== 'malformed') throw new InvalidStoreInputError(`step.action.parseError is only for malformed actions (kind is ${kind})`);
  const call = action.toolCall;
  return {
    action_kind: kind,
    action_text: checkString('step.action.text', action.text),
    reasoning: checkString('step.action.reasoning', action.reasoning),
    answer: checkOptionalString('step.action.answer', action.answer) ?? null,
    parse_error: checkOptionalString('step.action.parseError', action.parseError) ?? null,
    tool_name: call ? checkNonEmpty('step.action.toolCall.toolName', call.toolName) : null,
    tool_arguments: call ? checkJsonObject('step.action.toolCall.arguments', call.arguments) : null,
    tool_call_id: call ? (checkOptionalString('step.action.toolCall.callId', call.callId) ?? null) : null,
  };
}

function toolResultColumns(action: StepAction, result: ToolResultRecord | undefined) {
  if (result === undefined) {
    return { tool_status: null, tool_output: null, tool_observation: null, tool_error: null, tool_truncated: null, tool_detail: null };
  }
  if (action?.kind !== 'tool_call') throw new InvalidStoreInputError(`step.toolResult is only for tool_call actions (kind is ${action?.kind})`);
  return {
    tool_status: checkOneOf('step.toolResult.status', result.status, TOOL_RESULT_STATUSES),
    tool_output: checkString('step.toolResult.output', result.output),
    tool_observation: checkString('step.toolResult.observation', result.observation),
    tool_error: checkOptionalString('step.toolResult.errorMessage', result.errorMessage) ?? null,
    tool_truncated: checkBoolean('step.toolResult.truncated', result.truncated) ? 1 : 0,
    tool_detail: result.detail === undefined ? null : checkJsonObject('step.toolResult.detail', result.detail),
  };
}
