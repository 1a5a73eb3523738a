import type { EntityPool } from '../knowledge/entities';
import type { SeededRandom } from '../random/seeded-random';
import type { Hop } from '../world/world-question';

/** What a template produces before it is numbered and turned into a plan. */
export interface MultihopDraft {
  readonly question: string;
  readonly answer: string;
  readonly hops: readonly Hop[];
  readonly answerReasoning: string;
  readonly distractors: readonly string[];
}

export interface MultihopTemplate {
  readonly id: string;
  readonly kind: 'bridge' | 'comparison';
  /** Held-out templates are used only in dev and test, so those questions cannot be memorised. */
  readonly heldOut: boolean;
  /** A draft, or undefined when the drawn entities do not fit (e.g. a tie). */
  build(pool: EntityPool, random: SeededRandom): MultihopDraft | undefined;
}
