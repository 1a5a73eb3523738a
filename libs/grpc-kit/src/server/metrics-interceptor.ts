import { ServerInterceptingCall, status, type ServerInterceptor } from '@grpc/grpc-js';
import { grpcCodeName } from '../grpc-code-names';
import { methodLabels } from './method-labels';
import type { ServerMetrics } from './server-metrics';

/**
 * Counts every call once, with its final code. Calls that end by deadline or client
 * cancellation never pass through `sendStatus` (grpc-js ends them below the interceptors), so
 * the cancel hook records them. The wire cannot tell a client's deadline timer from a user's
 * cancel (both reset the stream, and the client's timer fires a little before the server's
 * copy of the deadline), so a cancel within DEADLINE_SLACK_MS of the deadline counts as
 * DeadlineExceeded.
 * Must be the FIRST (innermost) interceptor so that statuses sent by outer interceptors
 * (e.g. auth rejections) pass through it.
 */
const DEADLINE_SLACK_MS = 250;

export function metricsInterceptor(metrics: ServerMetrics): ServerInterceptor {
  return (methodDefinition, call) => {
    const labels = methodLabels(methodDefinition);
    metrics.started.inc(labels);
    const stopTimer = metrics.handlingSeconds.startTimer(labels);
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      stopTimer();
      metrics.handled.inc({ ...labels, grpc_code: grpcCodeName(code) });
    };
    const deadlineMs = () => {
      const d = call.getDeadline();
      const ms = d instanceof Date ? d.getTime() : d;
      return Number.isFinite(ms) ? ms : Infinity;
    };
    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          onReceiveMessage: (message, nextMessage) => {
            metrics.msgReceived.inc(labels);
            nextMessage(message);
          },
          onCancel: () => finish(Date.now() >= deadlineMs() - DEADLINE_SLACK_MS ? status.DEADLINE_EXCEEDED : status.CANCELLED),
        }),
      sendMessage: (message, nextMessage) => {
        metrics.msgSent.inc(labels);
        nextMessage(message);
      },
      sendStatus: (statusObject, nextStatus) => {
        // A status sent after the deadline never reaches the client, which saw DEADLINE_EXCEEDED.
        finish(Date.now() >= deadlineMs() ? status.DEADLINE_EXCEEDED : (statusObject.code ?? status.OK));
        nextStatus(statusObject);
      },
    });
  };
}
