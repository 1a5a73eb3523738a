import { invalidArgument, notFound } from '@swirl/grpc-kit';
import type { TrajectorySelector } from '@swirl/proto';
import type { Trajectory, TrajectoryStore } from '@swirl/store';
import { familyFromProto, isKnownFamily } from '../convert/task-family';

/** Checks that a selector names something and that everything it names exists (StartJob). */
export async function checkSelector(store: TrajectoryStore, selector: TrajectorySelector | undefined, field: string): Promise<void> {
  if (selector === undefined || (selector.jobIds.length === 0 && selector.trajectoryIds.length === 0 && selector.datasetVersionId === '')) {
    throw invalidArgument(`${field} needs at least one of job_ids, trajectory_ids or dataset_version_id`);
  }
  if (!isKnownFamily(selector.family)) throw invalidArgument(`${field}.family has unknown value ${selector.family}`);
  for (const id of selector.jobIds) if ((await store.getJob(id)) === undefined) throw notFound(`${field}.job_ids: job ${id} does not exist`);
  for (const id of selector.trajectoryIds) if ((await store.getTrajectory(id)) === undefined) throw notFound(`${field}.trajectory_ids: trajectory ${id} does not exist`);
  if (selector.datasetVersionId !== '' && (await store.getDatasetVersion(selector.datasetVersionId)) === undefined) {
    throw notFound(`${field}.dataset_version_id: dataset version ${selector.datasetVersionId} does not exist`);
  }
}

/**
 * The ended trajectories a selector picks, oldest first: criteria combine with AND, the ids
 * within one criterion with OR. Trajectories still being generated are left out.
 */
export async function selectTrajectories(store: TrajectoryStore, selector: TrajectorySelector): Promise<Trajectory[]> {
  const sets: Set<string>[] = [];
  const byId = new Map<string, Trajectory>();
  if (selector.jobIds.length > 0) {
    const ids = new Set<string>();
    for (const jobId of selector.jobIds) {
      for (const t of await store.listTrajectories({ jobId })) {
        ids.add(t.id);
        byId.set(t.id, t);
      }
    }
    sets.push(ids);
  }
  if (selector.trajectoryIds.length > 0) {
    for (const id of selector.trajectoryIds) {
      const t = await store.getTrajectory(id);
      if (t !== undefined) byId.set(id, t);
    }
    sets.push(new Set(selector.trajectoryIds));
  }
  if (selector.datasetVersionId !== '') {
    const ids = new Set<string>();
    for await (const e of store.streamDatasetExamples(selector.datasetVersionId)) {
      ids.add(e.trajectory.id);
      byId.set(e.trajectory.id, e.trajectory);
    }
    sets.push(ids);
  }
  const family = familyFromProto(selector.family);
  const chosen: Trajectory[] = [];
  for (const [id, t] of byId) {
    if (!sets.every((s) => s.has(id)) || t.status === 'running') continue;
    if (family !== undefined && (await store.getQuestion(t.questionId))?.family !== family) continue;
    chosen.push(t);
  }
  return chosen.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}
