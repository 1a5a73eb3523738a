import { actionToToolCall, parseAction } from '@swirl/actions';
import type { JsonObject, StepAction } from '@swirl/store';

export interface ToolContext {
  /** Search corpus of the task; '' = the tools service's default. */
  readonly corpus: string;
  /** Hits per search. */
  readonly searchTopK: number;
  /** ToolCall.call_id: `<trajectory id>/<step index>`. */
  readonly callId: string;
}

/**
 * Parses one generated turn into the stored action. A tool call carries the arguments exactly
 * as sent to the tools service (corpus and top_k included), so a stored step says what ran.
 */
export function toStepAction(text: string, context: ToolContext): StepAction {
  const parsed = parseAction(text);
  switch (parsed.kind) {
    case 'answer':
      return { kind: 'final_answer', text, reasoning: parsed.reasoning, answer: parsed.answer };
    case 'malformed':
      return { kind: 'malformed', text, reasoning: parsed.reasoning, parseError: `${parsed.problem}: ${parsed.message}` };
    default: {
      const call = actionToToolCall(parsed)!;
      const args: JsonObject =
        call.toolName === 'search'
          ? { query: call.arguments.query, top_k: context.searchTopK, ...(context.corpus === '' ? {} : { corpus: context.corpus }) }
          : { expression: call.arguments.expression };
      return { kind: 'tool_call', text, reasoning: parsed.reasoning, toolCall: { toolName: call.toolName, arguments: args, callId: context.callId } };
    }
  }
}
