/**
 * The engine's batch or queue cannot take a request. The service answers RESOURCE_EXHAUSTED:
 * the server thread maps it (engine-thread.ts), so that engine threads never load the gRPC
 * packages (most of a thread's start-up time when they did).
 */
export class EngineFullError extends Error {
  override readonly name = 'EngineFullError';
}
