import { gradeOutcome, OUTCOME_GRADERS_VERSION, type OutcomeGraderKind } from '@swirl/judging';
import { OutcomeGrader, OutcomeLabel } from '@swirl/proto';
import type { OutcomeGraderBackend } from './outcome-grader';

const GRADERS: readonly { id: string; kind: OutcomeGraderKind; grader: OutcomeGrader; description: string }[] = [
  { id: 'outcome-exact-match', kind: 'exact-match', grader: OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH, description: 'Normalised exact match (case, punctuation, articles, whitespace) against any gold answer; the default for multi-hop QA.' },
  { id: 'outcome-token-f1', kind: 'token-f1', grader: OutcomeGrader.OUTCOME_GRADER_TOKEN_F1, description: 'SQuAD token F1 against the best gold answer, YES at or above the request\'s f1_threshold (0.5 by default).' },
  { id: 'outcome-numeric', kind: 'numeric', grader: OutcomeGrader.OUTCOME_GRADER_NUMERIC, description: 'Numeric equality after currency signs, separators, units and trailing zeros ("10", "10.00", "$10", "10 dollars"; GSM8K "#### N" gold); whole numbers exactly, others within 1e-6; exact match if not numeric. The default for math.' },
];

/** The exact-match, token-F1 and numeric graders: pure functions of the answers. */
export function createDeterministicGraders(): OutcomeGraderBackend[] {
  return GRADERS.map((g) => ({
    id: g.id,
    grader: g.grader,
    backend: 'rules' as const,
    description: g.description,
    defaultSamples: 1,
    listedVersion: OUTCOME_GRADERS_VERSION,
    prepare: async () => ({
      version: OUTCOME_GRADERS_VERSION,
      samples: 1,
      readsQuestion: false,
      grade: async (item) => {
        const r = gradeOutcome({ predicted: item.predicted, golds: item.golds, grader: g.kind, f1Threshold: item.f1Threshold, ...(item.family === undefined ? {} : { family: item.family }) });
        return {
          cacheable: true,
          verdict: {
            label: r.label === 'yes' ? OutcomeLabel.OUTCOME_LABEL_YES : OutcomeLabel.OUTCOME_LABEL_NO,
            score: r.score,
            f1: r.f1,
            precision: r.precision,
            recall: r.recall,
            exactMatch: r.exactMatch,
            predictedAnswer: item.predicted,
            matchedGoldAnswer: r.matchedGold,
            rationale: r.rationale,
            grader: g.grader,
            graderVersion: OUTCOME_GRADERS_VERSION,
            graderModel: undefined,
            createTime: new Date(),
          },
        };
      },
    }),
  }));
}
