import type { ServiceDefinition } from '@grpc/grpc-js';

/**
 * A request whose bytes the generated decoder refused (e.g. a 64-bit integer above 2^53, which
 * JavaScript numbers cannot hold). grpc-js would answer INTERNAL "Error deserializing request";
 * the kit hands this marker to the handler adapters instead, which answer INVALID_ARGUMENT
 * with the decoder's reason: the caller sent something it can fix.
 */
export class UndecodableRequest {
  constructor(readonly reason: string) {}
}

export function withUndecodableRequests(definition: ServiceDefinition): ServiceDefinition {
  const wrapped: Record<string, ServiceDefinition[string]> = {};
  for (const [name, method] of Object.entries(definition)) {
    const decode = method.requestDeserialize;
    wrapped[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return decode(bytes);
        } catch (err) {
          return new UndecodableRequest(err instanceof Error ? err.message : String(err));
        }
      },
    };
  }
  return wrapped as ServiceDefinition;
}
