import type { RunMetrics, TrainingRun, TrainingStore } from '@swirl/store';
import type { RunDefinition } from '../store/run-definition';
import { exportedVersion } from '../training/artifact-paths';
import { fromStoredValues, type UpdateMetrics } from '../training/update-metrics';
import type { RunProgress } from './run-view';

/** The newest attempt's metrics of every update, by update. */
export function latestMetricsByUpdate(rows: readonly RunMetrics[]): Map<number, { metrics: UpdateMetrics; attempt: number }> {
  const byUpdate = new Map<number, { metrics: UpdateMetrics; attempt: number }>();
  for (const row of rows) {
    const seen = byUpdate.get(row.step);
    if (seen === undefined || row.attempt >= seen.attempt) byUpdate.set(row.step, { metrics: fromStoredValues(row.step, row.values), attempt: row.attempt });
  }
  return byUpdate;
}

/** The last export at or before `update`: its update and the attempt that made it. */
export function lastExportAtOrBefore(byUpdate: ReadonlyMap<number, { metrics: UpdateMetrics; attempt: number }>, update: number): { update: number; attempt: number } | undefined {
  let best: { update: number; attempt: number } | undefined;
  for (const [u, { metrics, attempt }] of byUpdate) if (u <= update && metrics.exported && (best === undefined || u > best.update)) best = { update: u, attempt };
  return best;
}

/** Progress of a run that this trainer is not driving, from what the store recorded. */
export async function storedProgress(store: Pick<TrainingStore, 'listRunMetrics' | 'latestCheckpoint'>, definition: RunDefinition, record: TrainingRun): Promise<RunProgress> {
  const byUpdate = latestMetricsByUpdate(await store.listRunMetrics(record.id));
  const lastUpdate = Math.max(0, ...byUpdate.keys());
  const lastExport = lastExportAtOrBefore(byUpdate, Number.MAX_SAFE_INTEGER);
  const latestCheckpoint = await store.latestCheckpoint(record.id);
  return {
    completedUpdates: record.completedUpdates,
    ...(lastUpdate > 0 ? { latestMetrics: byUpdate.get(lastUpdate)!.metrics } : {}),
    ...(lastExport === undefined ? {} : { latestModel: { name: definition.settings.outputModelName, version: exportedVersion(record.id, lastExport.update) } }),
    ...(latestCheckpoint === undefined ? {} : { latestCheckpoint }),
  };
}
