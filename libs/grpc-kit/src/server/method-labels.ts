import type { ServerMethodDefinition } from '@grpc/grpc-js';

export type GrpcType = 'unary' | 'client_stream' | 'server_stream' | 'bidi_stream';

export interface MethodLabels {
  grpc_type: GrpcType;
  grpc_service: string;
  grpc_method: string;
}

/** `/swirl.v1.ToolService/Execute` -> service `swirl.v1.ToolService`, method `Execute`. */
export function splitMethodPath(path: string): { service: string; method: string } {
  const parts = path.split('/');
  return { service: parts[1] ?? '', method: parts[2] ?? '' };
}

export function methodLabels(def: Pick<ServerMethodDefinition<unknown, unknown>, 'path' | 'requestStream' | 'responseStream'>): MethodLabels {
  const { service, method } = splitMethodPath(def.path);
  const grpc_type: GrpcType = def.requestStream
    ? def.responseStream
      ? 'bidi_stream'
      : 'client_stream'
    : def.responseStream
      ? 'server_stream'
      : 'unary';
  return { grpc_type, grpc_service: service, grpc_method: method };
}
