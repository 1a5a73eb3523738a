import type { DatasetStore, TrainingStore } from '@swirl/store';

/**
 * What the trainer needs from the trajectory store: dataset versions to read examples from,
 * and the training records (runs, per-update metrics, checkpoints) it writes. Any
 * TrajectoryStore implementation (SQLite now, PostgreSQL later) provides it.
 */
export type TrainerStore = TrainingStore & Pick<DatasetStore, 'getDatasetVersion' | 'countDatasetExamples' | 'streamDatasetExamples' | 'listDatasetExamples'>;
