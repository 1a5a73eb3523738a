import { join } from 'node:path';

/**
 * Where a run's files go under the artifacts directory (shared by trainer, learner and
 * inference). An update redone after a resume (attempt > 0) gets its own directories: the
 * learner treats an existing export or checkpoint of the same step as already written, and
 * must not hand back the files of the abandoned attempt.
 */
export class ArtifactPaths {
  constructor(private readonly root: string) {}

  checkpoint(runId: string, update: number, attempt: number): string {
    return join(this.root, 'checkpoints', runId, name(update, attempt));
  }

  export(runId: string, update: number, attempt: number): string {
    return join(this.root, 'exports', runId, name(update, attempt));
  }

  /** One JSON line per update: what was sampled, the rewards, the advantages, what the learner did. */
  updateLog(runId: string): string {
    return join(this.root, 'runs', runId, 'updates.jsonl');
  }
}

function name(update: number, attempt: number): string {
  return attempt === 0 ? `update-${update}` : `update-${update}.attempt-${attempt}`;
}

/** The inference version of the policy after an update (trainer.proto). */
export function exportedVersion(runId: string, update: number): string {
  return `${runId}/update-${update}`;
}
