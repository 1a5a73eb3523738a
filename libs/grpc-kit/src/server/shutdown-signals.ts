import type { Logger } from '../logger';

/**
 * SIGTERM (Kubernetes) and SIGINT (Ctrl-C) start a graceful shutdown; a second signal exits at
 * once. Kept apart from startGrpcService so tests and embedding processes own their signals.
 */
export function installShutdownSignals(shutdown: (reason: string) => Promise<void>, logger: Logger): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    received = true;
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
