import { startService, type RunningService, type ServiceSpec } from './service-process';

/** Services started in order and stopped in reverse. */
export interface LocalStack {
  readonly services: readonly RunningService[];
  /** Graceful stop of everything still running (reverse start order). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts each service after the previous one is SERVING. If one fails, the ones already started
 * are stopped before the error is rethrown, so a failed start leaves no stray processes.
 */
export async function startLocalStack(specs: readonly ServiceSpec[], onStarted?: (service: RunningService, ms: number) => void, signal?: AbortSignal): Promise<LocalStack> {
  const started: RunningService[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const service of [...started].reverse()) await service.stop();
    })());
  try {
    for (const spec of specs) {
      const t0 = Date.now();
      const service = await startService(spec, signal);
      started.push(service);
      onStarted?.(service, Date.now() - t0);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { services: started, stop };
}
