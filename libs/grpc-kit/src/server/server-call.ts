import type { ServerDuplexStream, ServerReadableStream, ServerUnaryCall, ServerWritableStream } from '@grpc/grpc-js';

/** Any server-side call (grpc-js does not export its common base type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerCall = ServerUnaryCall<any, any> | ServerWritableStream<any, any> | ServerReadableStream<any, any> | ServerDuplexStream<any, any>;
