import { OutcomeGrader, OutcomeLabel, VerdictLabel, type OutcomeVerdict, type Verdict } from '@swirl/proto';
import type { NewOutcomeVerdict, NewStepVerdict, StepRef, VerdictLabel as StoreLabel } from '@swirl/store';

const LABELS: Readonly<Partial<Record<VerdictLabel, StoreLabel>>> = {
  [VerdictLabel.VERDICT_LABEL_GOOD]: 'GOOD',
  [VerdictLabel.VERDICT_LABEL_BAD]: 'BAD',
  [VerdictLabel.VERDICT_LABEL_ABSTAIN]: 'ABSTAIN',
};

/** OUTCOME_GRADER_NUMERIC -> NUMERIC: the grader id outcome verdicts are stored under. */
export function graderId(grader: OutcomeGrader): string {
  return OutcomeGrader[grader].replace(/^OUTCOME_GRADER_/, '');
}

/** A judge's process verdict on a stored step, as the store keeps it. */
export function stepVerdictRecord(step: StepRef, v: Verdict): NewStepVerdict {
  const label = LABELS[v.label];
  if (label === undefined) throw new Error(`the judge returned a verdict without a label for step ${step.trajectoryId}/${step.index}`);
  return {
    step,
    judgeId: v.judgeId,
    judgeVersion: v.judgeVersion,
    label,
    score: v.score,
    rationale: v.rationale,
    votes: v.votes,
    goodVotes: v.goodVotes,
    ...(v.judgeModel === undefined || v.judgeModel.name === '' ? {} : { judgeModel: { name: v.judgeModel.name, version: v.judgeModel.version } }),
  };
}

/** A judge's outcome verdict on a stored trajectory, as the store keeps it. */
export function outcomeVerdictRecord(trajectoryId: string, v: OutcomeVerdict): NewOutcomeVerdict {
  return {
    trajectoryId,
    graderId: graderId(v.grader),
    graderVersion: v.graderVersion,
    correct: v.label === OutcomeLabel.OUTCOME_LABEL_YES,
    score: v.score,
    rationale: v.rationale,
    predictedAnswer: v.predictedAnswer,
    details: {
      f1: v.f1,
      precision: v.precision,
      recall: v.recall,
      exact_match: v.exactMatch,
      matched_gold_answer: v.matchedGoldAnswer,
      ...(v.graderModel === undefined || v.graderModel.name === '' ? {} : { grader_model: { name: v.graderModel.name, version: v.graderModel.version } }),
    },
  };
}
