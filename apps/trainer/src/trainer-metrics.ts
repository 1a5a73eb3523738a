import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { UpdateMetrics } from './training/update-metrics';

/** Domain series of the trainer, in the server's registry. */
export interface TrainerMetrics {
  readonly updates: Counter<'algorithm'>;
  readonly learnerSteps: Counter<'algorithm'>;
  readonly samples: Counter;
  readonly groupsSkipped: Counter;
  readonly learnerRecoveries: Counter;
  readonly exports: Counter;
  readonly checkpoints: Counter;
  readonly reward: Gauge<'run'>;
  readonly acceptRate: Gauge<'run'>;
  readonly kl: Gauge<'run'>;
  readonly loss: Gauge<'run'>;
  readonly completedUpdates: Gauge<'run'>;
  readonly updateSeconds: Histogram<'algorithm' | 'phase'>;
  readonly activeRuns: Gauge;
  /** Records one finished update in every series it feeds. */
  recordUpdate(runId: string, algorithm: 'swirl' | 'sft', m: UpdateMetrics): void;
}

export function createTrainerMetrics(registry: Registry): TrainerMetrics {
  const r = [registry];
  const metrics = {
    updates: new Counter({ name: 'swirl_trainer_updates_total', help: 'Updates completed, by algorithm (redone updates after a resume count again).', labelNames: ['algorithm'], registers: r }),
    learnerSteps: new Counter({ name: 'swirl_trainer_learner_steps_total', help: 'TrainStep updates applied by the learner.', labelNames: ['algorithm'], registers: r }),
    samples: new Counter({ name: 'swirl_trainer_samples_total', help: 'Fresh actions sampled and judged (SWIRL).', registers: r }),
    groupsSkipped: new Counter({ name: 'swirl_trainer_groups_skipped_total', help: 'State groups left out of a batch because all their rewards were equal.', registers: r }),
    learnerRecoveries: new Counter({ name: 'swirl_trainer_learner_recoveries_total', help: 'Resumes from the last checkpoint after the learner lost a run session.', registers: r }),
    exports: new Counter({ name: 'swirl_trainer_exports_total', help: 'Policies exported and loaded into inference.', registers: r }),
    checkpoints: new Counter({ name: 'swirl_trainer_checkpoints_total', help: 'Checkpoints written and registered.', registers: r }),
    reward: new Gauge({ name: 'swirl_trainer_reward_mean', help: 'Mean reward of the last update of a run (SWIRL).', labelNames: ['run'], registers: r }),
    acceptRate: new Gauge({ name: 'swirl_trainer_accept_rate', help: 'Share of GOOD verdicts among the last update samples of a run (SWIRL).', labelNames: ['run'], registers: r }),
    kl: new Gauge({ name: 'swirl_trainer_kl', help: 'Mean per-token KL to the base policy in the last update of a run.', labelNames: ['run'], registers: r }),
    loss: new Gauge({ name: 'swirl_trainer_loss', help: 'Learner loss of the last update of a run.', labelNames: ['run'], registers: r }),
    completedUpdates: new Gauge({ name: 'swirl_trainer_completed_updates', help: 'Updates a run has completed.', labelNames: ['run'], registers: r }),
    updateSeconds: new Histogram({
      name: 'swirl_trainer_update_seconds',
      help: 'Time per update phase (sample, judge, learner, total).',
      labelNames: ['algorithm', 'phase'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: r,
    }),
    activeRuns: new Gauge({ name: 'swirl_trainer_active_runs', help: 'Runs being driven now.', registers: r }),
  };
  return {
    ...metrics,
    recordUpdate(runId, algorithm, m) {
      metrics.updates.inc({ algorithm });
      if (m.trained) metrics.learnerSteps.inc({ algorithm });
      metrics.samples.inc(m.samples);
      metrics.groupsSkipped.inc(m.groupsSkipped);
      if (algorithm === 'swirl') {
        metrics.reward.set({ run: runId }, m.meanReward);
        metrics.acceptRate.set({ run: runId }, m.acceptRate);
      }
      metrics.kl.set({ run: runId }, m.kl);
      metrics.loss.set({ run: runId }, m.loss);
      metrics.completedUpdates.set({ run: runId }, m.update);
      if (algorithm === 'swirl') {
        metrics.updateSeconds.observe({ algorithm, phase: 'sample' }, m.sampleSeconds);
        metrics.updateSeconds.observe({ algorithm, phase: 'judge' }, m.judgeSeconds);
      }
      metrics.updateSeconds.observe({ algorithm, phase: 'learner' }, m.learnerSeconds);
      metrics.updateSeconds.observe({ algorithm, phase: 'total' }, m.updateSeconds);
      if (m.exported) metrics.exports.inc();
      if (m.checkpointed) metrics.checkpoints.inc();
    },
  };
}
