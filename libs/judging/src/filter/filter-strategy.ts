/** The filter strategies of the method (section 3). */
export type FilterStrategy = 'none' | 'process' | 'outcome' | 'process+outcome';

/** Why a trajectory was rejected. */
export type RejectionReason = 'step-bad' | 'step-abstain' | 'outcome-wrong' | 'no-final-answer' | 'incomplete';

export const needsProcessVerdicts = (s: FilterStrategy) => s === 'process' || s === 'process+outcome';
export const needsOutcomeVerdict = (s: FilterStrategy) => s === 'outcome' || s === 'process+outcome';

/** What the filter knows about one trajectory. */
export interface TrajectoryEvidence {
  /** The trajectory ended in an error or was cancelled: its data is incomplete. */
  readonly incomplete: boolean;
  /** Process verdicts per step, for process strategies. */
  readonly steps?: readonly { readonly label: 'good' | 'bad' | 'abstain'; readonly rationale: string }[];
  /** The outcome verdict, or 'no-final-answer', for outcome strategies. */
  readonly outcome?: { readonly label: 'yes' | 'no'; readonly rationale: string } | 'no-final-answer';
}

export interface FilterDecision {
  readonly kept: boolean;
  readonly reasons: readonly RejectionReason[];
  /** Steps whose process verdict is not GOOD. */
  readonly badStepIndices: readonly number[];
  /** The rationale of the first step that is not GOOD, or of the outcome, for a rejection. */
  readonly detail: string;
}

/**
 * Keeps a trajectory only if it passes the strategy: every step GOOD for process (an abstention
 * is not GOOD), a YES outcome for outcome, both for process+outcome. Incomplete trajectories
 * pass only `none`. Every reason that applies is listed, not just the first.
 */
export function decideTrajectory(strategy: FilterStrategy, evidence: TrajectoryEvidence): FilterDecision {
  if (strategy === 'none') return { kept: true, reasons: [], badStepIndices: [], detail: '' };
  const reasons: RejectionReason[] = [];
  const details: string[] = [];
  if (evidence.incomplete) {
    reasons.push('incomplete');
    details.push('the trajectory ended in an error or was cancelled');
  }
  const badStepIndices: number[] = [];
  if (needsProcessVerdicts(strategy)) {
    const steps = evidence.steps ?? [];
    steps.forEach((s, i) => s.label !== 'good' && badStepIndices.push(i));
    if (steps.some((s) => s.label === 'bad')) reasons.push('step-bad');
    if (steps.some((s) => s.label === 'abstain')) reasons.push('step-abstain');
    const first = badStepIndices[0];
    if (first !== undefined) details.push(`step ${first} is ${steps[first]!.label.toUpperCase()}: ${steps[first]!.rationale}`);
  }
  if (needsOutcomeVerdict(strategy)) {
    const outcome = evidence.outcome;
    if (outcome === 'no-final-answer' || outcome === undefined) {
      reasons.push('no-final-answer');
      details.push('the trajectory has no final answer');
    } else if (outcome.label === 'no') {
      reasons.push('outcome-wrong');
      details.push(`the final answer was graded NO: ${outcome.rationale}`);
    }
  }
  return { kept: reasons.length === 0, reasons, badStepIndices, detail: details.join('; ') };
}
