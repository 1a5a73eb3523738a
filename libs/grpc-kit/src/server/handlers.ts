import { status, type handleServerStreamingCall, type handleUnaryCall, type ServerErrorResponse } from '@grpc/grpc-js';
import type { ServerCall } from './server-call';
import { invalidArgument, isGrpcStatusError } from '../status-error';
import { UndecodableRequest } from './undecodable-request';
import type { Logger } from '../logger';
import { createCallContext, type CallContext } from './call-context';

/**
 * Adapters from async functions to grpc-js handlers. A thrown GrpcStatusError becomes that
 * status; anything else becomes INTERNAL with a generic message (details stay in the log, not
 * on the wire).
 */
export function toServiceError(err: unknown, logger: Logger, call: ServerCall): ServerErrorResponse {
  if (isGrpcStatusError(err)) return { name: err.name, message: err.details, code: err.code, details: err.details };
  if (call.cancelled) return { name: 'Cancelled', message: 'call cancelled', code: status.CANCELLED, details: 'call cancelled' };
  logger.error('handler failed', { err, peer: call.getPeer() });
  return { name: 'InternalError', message: 'internal error (see the server log)', code: status.INTERNAL, details: 'internal error (see the server log)' };
}

export function unary<Req, Res>(logger: Logger, fn: (request: Req, ctx: CallContext) => Promise<Res>): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const ctx = createCallContext(call, logger);
    decoded(call.request)
      .then((request) => fn(request, ctx))
      .then(
      (response) => callback(null, response),
      (err: unknown) => callback(toServiceError(err, logger, call)),
    );
  };
}

export function serverStreaming<Req, Res>(
  logger: Logger,
  fn: (request: Req, emit: (message: Res) => void, ctx: CallContext) => Promise<void>,
): handleServerStreamingCall<Req, Res> {
  return (call) => {
    const ctx = createCallContext(call, logger);
    decoded(call.request)
      .then((request) => fn(request, (message) => void call.write(message), ctx))
      .then(
        () => call.end(),
        // Not call.destroy(err): grpc-js 1.14 then never sends the status and the client waits
        // out its deadline. An 'error' event ends the stream with the status.
        (err: unknown) => {
          if (!call.cancelled) call.emit('error', toServiceError(err, logger, call));
        },
      );
  };
}

function decoded<Req>(request: Req | UndecodableRequest): Promise<Req> {
  return request instanceof UndecodableRequest
    ? Promise.reject(invalidArgument(`the request could not be decoded: ${request.reason}`))
    : Promise.resolve(request);
}
