/**
 * Why a job's work is being stopped: `cancel` (CancelJob: in-flight trajectories end CANCELLED)
 * or `shutdown` (the coordinator is stopping: trajectories stay running in the store and the
 * job resumes at the next start). Carried as the AbortSignal's reason.
 */
export type StopKind = 'cancel' | 'shutdown';

export class JobStop extends Error {
  override readonly name = 'JobStop';
  constructor(readonly kind: StopKind) {
    super(kind === 'cancel' ? 'the job was cancelled' : 'the coordinator is shutting down');
  }
}

/** The stop kind of an aborted signal (a foreign abort counts as a cancel); undefined if not aborted. */
export function stopKindOf(signal: AbortSignal): StopKind | undefined {
  if (!signal.aborted) return undefined;
  return signal.reason instanceof JobStop ? signal.reason.kind : 'cancel';
}
