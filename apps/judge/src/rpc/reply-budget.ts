import type { CallContext, ServerCall } from '@swirl/grpc-kit';

/**
 * The time a call's judging may use: until the caller's deadline minus a margin for sending
 * the reply. Work still running when the budget ends (LLM votes) stops and becomes an explicit
 * ABSTAIN, so the call answers within its deadline instead of failing with DEADLINE_EXCEEDED.
 */
export interface ReplyBudget {
  /** Aborted when the budget ends or the caller goes away. */
  readonly signal: AbortSignal;
  /** Epoch ms when the budget ends; Infinity for calls without a deadline. */
  readonly endsAtMs: number;
  /** The server call, as the parent of calls to other services. */
  readonly call: ServerCall;
  /** Ends the budget once the reply is built or the call failed: stops its timer and anything still running. */
  release(): void;
}

export function replyBudget(ctx: CallContext, marginMs: number): ReplyBudget {
  const controller = new AbortController();
  const endsAtMs = Number.isFinite(ctx.deadlineMs) ? ctx.deadlineMs - marginMs : Number.POSITIVE_INFINITY;
  const onAbort = () => controller.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(endsAtMs) ? setTimeout(() => controller.abort(new Error('reply budget used up')), Math.max(0, endsAtMs - Date.now())) : undefined;
  timer?.unref();
  return {
    signal: controller.signal,
    endsAtMs,
    call: ctx.call,
    release: () => {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      controller.abort(new Error('the call is over'));
    },
  };
}
