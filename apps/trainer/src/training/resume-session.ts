import { TrainingAlgorithm, type ModelRef } from '@swirl/proto';
import type { Checkpoint } from '@swirl/store';
import type { InferencePort } from '../clients/service-clients';
import { lastExportAtOrBefore, latestMetricsByUpdate } from '../runs/stored-progress';
import type { RunDefinition } from '../store/run-definition';
import type { TrainerStore } from '../store/trainer-store';
import { exportedVersion, type ArtifactPaths } from './artifact-paths';
import { deriveSeed } from './derive-seed';
import type { LearnerSession } from './learner-session';
import { loadModel } from './policy-publisher';

export interface ResumeDeps {
  readonly store: TrainerStore;
  readonly inference: InferencePort;
  readonly paths: ArtifactPaths;
  readonly signal: AbortSignal;
}

/** Where a (re)started run continues: after `update`, with `policy` sampling. */
export interface ResumePoint {
  readonly update: number;
  readonly checkpoint?: Checkpoint;
  readonly policy: ModelRef;
}

/**
 * (Re)creates the run's learner session at its last checkpoint (the base checkpoint before the
 * first), optimizer state included, and makes sure inference serves the policy that sampled
 * after that update. The KL reference stays the base policy whatever the checkpoint.
 */
export async function resumeSession(deps: ResumeDeps, run: RunDefinition, session: LearnerSession, attempt: number): Promise<ResumePoint> {
  const hp = run.hyperParameters;
  const checkpoint = await deps.store.latestCheckpoint(run.id);
  const base = run.settings.baseCheckpointPath;
  await session.init({
    requestId: `${run.id}/init/attempt-${attempt}`,
    model: { source: { $case: 'checkpointPath', value: checkpoint?.path ?? base } },
    tokenizerPath: '',
    optimizer: {
      kind: 0,
      learningRate: hp.learningRate,
      weightDecay: hp.weightDecay,
      beta1: 0,
      beta2: 0,
      epsilon: 0,
      gradClipNorm: hp.gradClipNorm!,
      warmupSteps: hp.warmupUpdates,
      schedule: 0,
      totalSteps: 0,
    },
    seed: deriveSeed(hp.seed!, 'learner'),
    reference:
      run.algorithm === TrainingAlgorithm.TRAINING_ALGORITHM_SWIRL
        ? { source: checkpoint === undefined ? { $case: 'initialWeights', value: true } : { $case: 'checkpointPath', value: base } }
        : undefined,
    device: '',
    precision: 0,
  });
  const update = checkpoint?.step ?? 0;
  return { update, ...(checkpoint === undefined ? {} : { checkpoint }), policy: await policyAt(deps, run, update, attempt) };
}

/** The policy that sampled after update `u`: its last export, or the base model; (re)loaded into inference. */
async function policyAt(deps: ResumeDeps, run: RunDefinition, u: number, attempt: number): Promise<ModelRef> {
  const last = lastExportAtOrBefore(latestMetricsByUpdate(await deps.store.listRunMetrics(run.id)), u);
  if (last === undefined) return run.baseModel;
  const model = { name: run.settings.outputModelName, version: exportedVersion(run.id, last.update) };
  const source = deps.paths.export(run.id, last.update, last.attempt);
  await loadModel(deps.inference, source, { model, activate: run.settings.activateExports, signal: deps.signal }, `${run.id}/update-${last.update}/attempt-${attempt}/restore`);
  return model;
}

/**
 * The attempt number of a starting execution: 0 for a fresh run, and one more than any attempt
 * recorded for a resumed one, so redone updates never reuse the directories of an abandoned try.
 */
export async function startingAttempt(store: TrainerStore, runId: string, fresh: boolean): Promise<number> {
  if (fresh) return 0;
  const rows = await store.listRunMetrics(runId);
  return Math.max(0, ...rows.map((r) => r.attempt)) + 1;
}
