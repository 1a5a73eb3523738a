import { coreTables } from './0001-core-tables';
import { verdicts } from './0002-verdicts';
import { datasetVersions } from './0003-dataset-versions';
import { trainingRuns } from './0004-training-runs';
import { evaluations } from './0005-evaluations';
import { appendOnlyGuards } from './0006-append-only-guards';
import type { Migration } from './migration';

/** Every migration of this code, in order. Append new ones at the end; never edit old ones. */
export const ALL_MIGRATIONS: readonly Migration[] = Object.freeze([coreTables, verdicts, datasetVersions, trainingRuns, evaluations, appendOnlyGuards]);
