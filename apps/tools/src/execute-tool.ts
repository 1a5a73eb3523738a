import { status } from '@grpc/grpc-js';
import { deadlineExceeded, invalidArgument, isGrpcStatusError, type CallContext } from '@swirl/grpc-kit';
import { durationFromMs, durationToMs, ToolResultStatus, type ExecuteRequest, type ExecuteResponse } from '@swirl/proto';
import { validateArguments, type ArgumentValues } from './argument-schema';
import { formatObservation } from '@swirl/actions';
import { ConcurrencyLimiter } from '@swirl/grpc-kit';
import { capOutput } from './cap-output';
import type { Tool, ToolOutcome } from './tool';
import type { ToolMetrics } from './tool-metrics';
import type { ToolRegistry } from './tool-registry';

export interface ExecutionLimits {
  readonly maxConcurrentPerTool: number;
  readonly maxQueuedPerTool: number;
  readonly defaultTimeoutMs: number;
  readonly maxTimeoutMs: number;
  readonly maxOutputBytes: number;
}

export interface ToolExecutorDeps {
  readonly registry: ToolRegistry;
  readonly metrics: ToolMetrics;
  readonly limits: ExecutionLimits;
}

const STATUS: Record<ToolOutcome['status'], ToolResultStatus> = {
  ok: ToolResultStatus.TOOL_RESULT_STATUS_OK,
  tool_error: ToolResultStatus.TOOL_RESULT_STATUS_TOOL_ERROR,
  timeout: ToolResultStatus.TOOL_RESULT_STATUS_TIMEOUT,
};

const REJECTION_LABEL = new Map<number, string>([
  [status.INVALID_ARGUMENT, 'invalid_argument'],
  [status.RESOURCE_EXHAUSTED, 'resource_exhausted'],
  [status.DEADLINE_EXCEEDED, 'deadline_exceeded'],
  [status.CANCELLED, 'cancelled'],
]);

/**
 * Execute: validate the call, wait for a slot of the tool's concurrency limit, run the tool
 * under the per-call time bound, cap its output. A model's mistake comes back as a result with
 * status TOOL_ERROR; a caller's mistake is a gRPC error.
 */
export function createToolExecutor(deps: ToolExecutorDeps): (request: ExecuteRequest, ctx: CallContext) => Promise<ExecuteResponse> {
  const { limits, metrics } = deps;
  const limiters = new Map(
    deps.registry.all.map((t) => [t.name, new ConcurrencyLimiter(t.name, { maxConcurrent: limits.maxConcurrentPerTool, maxQueued: limits.maxQueuedPerTool })]),
  );

  return async (request, ctx) => {
    const started = performance.now();
    const call = request.call;
    if (call === undefined) throw invalidArgument('ExecuteRequest.call is required: it names the tool and carries its arguments');
    if (call.toolName === '') throw invalidArgument('call.tool_name is required, e.g. "calculator" or "search"');
    const tool = deps.registry.get(call.toolName);
    let label = 'error';
    try {
      const args = validateArguments(tool.name, tool.schema, call.arguments);
      const timeoutMs = resolveTimeout(durationToMs(request.timeout), limits);
      const outcome = await limiters.get(tool.name)!.run(ctx.signal, () => {
        metrics.inFlight.inc({ tool: tool.name });
        return runWithTimeout(tool, args, timeoutMs, ctx.signal).finally(() => metrics.inFlight.dec({ tool: tool.name }));
      });
      label = outcome.status;
      const output = capOutput(outcome.output, limits.maxOutputBytes);
      const observation = capOutput(formatObservation(tool.quote(args), output.text), limits.maxOutputBytes);
      return {
        result: {
          toolName: tool.name,
          callId: call.callId,
          status: STATUS[outcome.status],
          output: output.text,
          observation: observation.text,
          errorMessage: outcome.errorMessage ?? '',
          truncated: output.truncated || observation.truncated,
          elapsed: durationFromMs(performance.now() - started),
          detail: outcome.detail,
        },
      };
    } catch (err) {
      if (isGrpcStatusError(err)) label = REJECTION_LABEL.get(err.code) ?? 'error';
      throw err;
    } finally {
      metrics.executions.inc({ tool: tool.name, outcome: label });
      metrics.seconds.observe({ tool: tool.name }, (performance.now() - started) / 1000);
    }
  };
}

function resolveTimeout(requestedMs: number | undefined, limits: ExecutionLimits): number {
  if (requestedMs === undefined) return limits.defaultTimeoutMs;
  if (!(requestedMs > 0)) throw invalidArgument(`timeout must be positive, got ${requestedMs} ms; leave it unset for the default of ${limits.defaultTimeoutMs} ms`);
  return Math.min(requestedMs, limits.maxTimeoutMs);
}

/**
 * Runs the tool, answering TIMEOUT when the per-call bound passes first. Tools bound their own
 * CPU work (the calculator has a time budget), so a timed-out run ends soon after by itself.
 */
async function runWithTimeout(tool: Tool, args: ArgumentValues, timeoutMs: number, callSignal: AbortSignal): Promise<ToolOutcome> {
  const timer = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([callSignal, timer]);
  let onAbort: () => void = () => undefined;
  const ended = new Promise<ToolOutcome>((resolve, reject) => {
    onAbort = () => {
      if (callSignal.aborted) reject(deadlineExceeded(`${tool.name}: the call ended (deadline or cancellation) before the tool finished`));
      else {
        const message = `${tool.name} did not finish within ${timeoutMs} ms`;
        resolve({ status: 'timeout', output: `error: ${message}`, errorMessage: message });
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([tool.run(args, { timeoutMs, signal }), ended]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
