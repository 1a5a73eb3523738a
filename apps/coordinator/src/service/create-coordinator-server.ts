import { invalidArgument, serverStreaming, unary, unavailable, type Logger, type ServiceRegistration } from '@swirl/grpc-kit';
import { CoordinatorServiceService, type CoordinatorServiceServer, type ListJobsRequest, type ListJobsResponse } from '@swirl/proto';
import { jobToProto } from '../convert/job-to-proto';
import { kindFromProto, statusFromProto } from '../jobs/job-kinds';
import type { JobManager } from '../jobs/job-manager';
import { isOffset, pageCodec, pageSize } from './page-token';
import type { StoreReads } from './store-reads';
import { watchJob } from './watch-job';

export interface CoordinatorServerDeps {
  readonly jobs: JobManager;
  readonly reads: StoreReads;
  readonly logger: Logger;
  /** Least time between two WatchJob snapshots. */
  readonly watchIntervalMs: number;
}

/** The swirl.v1.CoordinatorService implementation, ready for startGrpcService. */
export function createCoordinatorServer(deps: CoordinatorServerDeps): ServiceRegistration {
  const { jobs, reads, logger } = deps;
  const view = async (id: string) => {
    const v = await jobs.view(id);
    return jobToProto(v.job, v.live);
  };

  const listJobs = async (req: ListJobsRequest): Promise<ListJobsResponse> => {
    const size = pageSize(req.pageSize, 50, 500);
    const codec = pageCodec('ListJobs', { kind: req.kind, state: req.state }, isOffset);
    const offset = codec.decode(req.pageToken) ?? 0;
    const kind = kindFromProto(req.kind);
    const status = statusFromProto(req.state);
    const all = await jobs.list({ ...(kind === undefined ? {} : { kind }), ...(status === undefined ? {} : { status }) });
    const page = await Promise.all(all.slice(offset, offset + size).map((j) => jobs.view(j.id)));
    return { jobs: page.map((v) => jobToProto(v.job, v.live)), nextPageToken: offset + size < all.length ? codec.encode(offset + size) : '' };
  };

  const implementation: CoordinatorServiceServer = {
    startJob: unary(logger, async (req, ctx) => {
      const job = await jobs.submit({ requestId: req.requestId, spec: req.spec, displayName: req.displayName }, ctx.signal);
      return { job: await view(job.id) };
    }),
    getJob: unary(logger, async (req) => {
      if (req.jobId === '') throw invalidArgument('job_id is required');
      return { job: await view(req.jobId) };
    }),
    watchJob: serverStreaming(logger, async (req, emit, ctx) => {
      if (req.jobId === '') throw invalidArgument('job_id is required');
      const signal = AbortSignal.any([ctx.signal, jobs.stopSignal]);
      const ended = await watchJob(jobs, req.jobId, emit, signal, deps.watchIntervalMs);
      // The coordinator is stopping under a job that is not finished: the client should reconnect.
      if (ended === 'aborted' && !ctx.signal.aborted) throw unavailable('the coordinator is shutting down; reconnect to keep watching (the job resumes when it restarts)');
    }),
    cancelJob: unary(logger, async (req) => {
      if (req.jobId === '') throw invalidArgument('job_id is required');
      const job = await jobs.cancel(req.jobId);
      return { job: await view(job.id) };
    }),
    listJobs: unary(logger, listJobs),
    listTrajectories: unary(logger, (req) => reads.listTrajectories(req)),
    getTrajectory: unary(logger, (req) => reads.getTrajectory(req)),
    getDatasetVersion: unary(logger, (req) => reads.getDatasetVersion(req)),
    listDatasetVersions: unary(logger, (req) => reads.listDatasetVersions(req)),
    listExamples: unary(logger, (req) => reads.listExamples(req)),
  };
  return { name: 'swirl.v1.CoordinatorService', definition: CoordinatorServiceService, implementation };
}
