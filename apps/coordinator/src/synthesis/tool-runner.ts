import { durationFromMs, ToolResult, ToolResultStatus, type ExecuteResponse, type ToolServiceClient } from '@swirl/proto';
import type { JsonObject, ToolCallRecord, ToolResultRecord, ToolResultStatus as StoreToolResultStatus } from '@swirl/store';
import { unaryCall } from '../clients/unary-call';

/** Runs one tool call; rejects with the gRPC error when the tools service refuses or fails. */
export interface ToolRunner {
  execute(call: ToolCallRecord, timeoutMs: number | undefined, signal: AbortSignal): Promise<ToolResultRecord>;
}

const STATUS: Readonly<Partial<Record<ToolResultStatus, StoreToolResultStatus>>> = {
  [ToolResultStatus.TOOL_RESULT_STATUS_OK]: 'ok',
  [ToolResultStatus.TOOL_RESULT_STATUS_TOOL_ERROR]: 'tool_error',
  [ToolResultStatus.TOOL_RESULT_STATUS_TIMEOUT]: 'timeout',
};

/** The detail oneof as JSON, keyed by its case (`{calculator: {...}}` or `{search: {...}}`). */
function detailJson(result: ToolResult): JsonObject | undefined {
  const json = ToolResult.toJSON(result) as Record<string, unknown>;
  const detail = result.detail;
  return detail === undefined ? undefined : ({ [detail.$case]: json[detail.$case] } as JsonObject);
}

export interface GrpcToolRunnerOptions {
  /** gRPC deadline of one Execute call. */
  readonly deadlineMs: number;
}

/** Tool calls through ToolService.Execute. */
export function grpcToolRunner(client: ToolServiceClient, options: GrpcToolRunnerOptions): ToolRunner {
  return {
    async execute(call, timeoutMs, signal) {
      const res = await unaryCall<Parameters<typeof client.execute>[0], ExecuteResponse>(
        client.execute.bind(client),
        { call: { toolName: call.toolName, arguments: { ...call.arguments }, callId: call.callId ?? '' }, timeout: timeoutMs === undefined ? undefined : durationFromMs(timeoutMs) },
        { signal, timeoutMs: options.deadlineMs },
      );
      const result = res.result;
      const status = result === undefined ? undefined : STATUS[result.status];
      if (result === undefined || status === undefined) throw new Error(`the tools service answered ${call.toolName} without a result status`);
      const detail = detailJson(result);
      return {
        status,
        output: result.output,
        observation: result.observation,
        ...(result.errorMessage === '' ? {} : { errorMessage: result.errorMessage }),
        truncated: result.truncated,
        ...(detail === undefined ? {} : { detail }),
      };
    },
  };
}
