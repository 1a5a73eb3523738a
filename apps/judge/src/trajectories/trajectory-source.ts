import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { childCallOptions, failedPrecondition, notFound, unavailable, GrpcStatusError } from '@swirl/grpc-kit';
import { TrajectoryView, type CoordinatorServiceClient, type GetTrajectoryResponse, type Trajectory } from '@swirl/proto';
import type { ReplyBudget } from '../rpc/reply-budget';

/** Where Filter gets trajectories passed by id. */
export interface TrajectorySource {
  fetch(ids: readonly string[], budget: ReplyBudget): Promise<Trajectory[]>;
}

/** Without --coordinator-target there is no store to read ids from. */
export const NO_TRAJECTORY_STORE: TrajectorySource = {
  fetch: () => Promise.reject(failedPrecondition('Filter by trajectory id needs the trajectory store: start the judge with --coordinator-target, or pass the trajectories inline')),
};

/** Reads trajectories (FULL view) from the coordinator's store, a few at a time. */
export function coordinatorTrajectorySource(client: CoordinatorServiceClient, target: string, parallel = 16): TrajectorySource {
  const one = (id: string, budget: ReplyBudget) =>
    new Promise<Trajectory>((resolve, reject) =>
      client.getTrajectory({ trajectoryId: id, view: TrajectoryView.TRAJECTORY_VIEW_FULL }, new Metadata(), childCallOptions(budget.call), (err: ServiceError | null, res?: GetTrajectoryResponse) => {
        if (err === null && res?.trajectory !== undefined) return resolve(res.trajectory);
        if (err?.code === status.NOT_FOUND) return reject(notFound(`trajectory "${id}" is not in the trajectory store at ${target}`));
        if (err?.code === status.UNAVAILABLE || err?.code === status.DEADLINE_EXCEEDED) return reject(unavailable(`the trajectory store at ${target} is unavailable: ${err.details}`));
        reject(new GrpcStatusError(err?.code ?? status.INTERNAL, `reading trajectory "${id}" from ${target} failed: ${err?.details ?? 'no trajectory in the response'}`));
      }),
    );
  return {
    async fetch(ids, budget) {
      const out = new Array<Trajectory>(ids.length);
      for (let start = 0; start < ids.length; start += parallel) {
        const chunk = ids.slice(start, start + parallel);
        (await Promise.all(chunk.map((id) => one(id, budget)))).forEach((t, k) => (out[start + k] = t));
      }
      return out;
    },
  };
}
