import { durationFromMs, type Job as ProtoJob, type JobProgress } from '@swirl/proto';
import type { Job } from '@swirl/store';
import { jobConfigOf, jobResultOf } from '../jobs/job-config';
import { kindToProto, statusToProto } from '../jobs/job-kinds';
import type { ProgressSnapshot } from '../jobs/progress-tracker';

/** Unit of the stages this coordinator runs, for jobs not running in this process. */
const STAGE_UNITS: Readonly<Record<string, string>> = { synthesize: 'trajectories', evaluate: 'trajectories', judge: 'trajectories', filter: 'trajectories', train: 'updates' };

function progressOf(job: Job, live: ProgressSnapshot | undefined): JobProgress {
  if (live !== undefined && live.stage !== '') {
    return {
      stage: live.stage,
      unit: live.unit,
      completed: live.completed,
      total: live.total,
      failed: live.failed,
      elapsed: durationFromMs(live.elapsedMs),
      eta: live.etaMs === undefined ? undefined : durationFromMs(live.etaMs),
      counters: { ...live.counters },
    };
  }
  const start = job.startedAt?.getTime();
  return {
    stage: job.progress.stage,
    unit: STAGE_UNITS[job.progress.stage] ?? '',
    completed: job.progress.done,
    total: job.progress.total,
    failed: job.progress.failed,
    elapsed: start === undefined ? undefined : durationFromMs((job.endedAt?.getTime() ?? Date.now()) - start),
    eta: undefined,
    counters: {},
  };
}

/** The API's view of a stored job; `live` overlays the progress of a job running here. */
export function jobToProto(job: Job, live: ProgressSnapshot | undefined): ProtoJob {
  return {
    id: job.id,
    displayName: job.displayName,
    kind: kindToProto(job.kind),
    state: statusToProto(job.status),
    spec: jobConfigOf(job).resolved,
    progress: progressOf(job, live),
    // A cancelled pipeline stores the results of the stages it finished.
    result: job.status === 'succeeded' || job.status === 'cancelled' ? jobResultOf(job) : undefined,
    requestId: job.requestId ?? '',
    createTime: job.createdAt,
    startTime: job.startedAt,
    endTime: job.endedAt,
    errorMessage: job.error ?? '',
  };
}
