import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One sampled action as the run saw it. */
export interface SampleRecord {
  readonly sample: number;
  readonly text: string;
  readonly tokens: number;
  readonly reward: number;
  readonly label: string;
  /** Advantage sent to the learner; null when the group was skipped (no signal). */
  readonly advantage: number | null;
}

/** One state of an update with its group. */
export interface StateRecord {
  readonly example: string;
  readonly seed: number;
  readonly promptTokens: number;
  readonly model: string;
  readonly samples: readonly SampleRecord[];
}

/** A line of a run's update log (runs/<id>/updates.jsonl under the artifacts directory). */
export interface UpdateRecord {
  readonly update: number;
  readonly attempt: number;
  readonly algorithm: 'swirl' | 'sft';
  /** SWIRL: the sampled states; SFT: the examples trained on (without samples). */
  readonly states: readonly StateRecord[];
  readonly skippedStates: readonly { readonly example: string; readonly reason: string }[];
  /** What the learner reported; null when nothing was trained. */
  readonly learner: {
    readonly step: number;
    readonly sequences: number;
    readonly lossTokens: number;
    readonly loss: number;
    readonly kl: number;
    readonly replayed: boolean;
  } | null;
}

/**
 * Appends update records to a run's JSONL log: what was sampled, how it was judged, the
 * advantages sent and what the learner did, for inspection and reports. Lines of a redone
 * update (after a resume) carry a higher attempt.
 */
export class UpdateLog {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly path: string) {}

  async append(record: UpdateRecord): Promise<void> {
    this.ready ??= mkdir(dirname(this.path), { recursive: true });
    await this.ready;
    await appendFile(this.path, JSON.stringify(record) + '\n');
  }
}
