import { OutcomeGrader } from '@swirl/proto';
import type { TaskFamily } from '@swirl/store';
import { matchAnswer, type AnswerMatch } from './answer-metrics';

/** The graders the coordinator runs itself (the LLM grader needs the judge service). */
export type LocalGrader = 'NUMERIC' | 'EXACT_MATCH' | 'TOKEN_F1';

/** Version stamped on local verdicts; bump when a rule changes. */
export const LOCAL_GRADER_VERSION = 'coordinator/1';

/** TOKEN_F1 counts an answer correct from this F1 on (the judge contract's default). */
export const F1_THRESHOLD = 0.5;

export interface AnswerGrade {
  readonly grader: LocalGrader;
  readonly correct: boolean;
  /** 1/0, or the F1 for TOKEN_F1. */
  readonly score: number;
  readonly match: AnswerMatch;
  readonly rationale: string;
}

/** The family default of the contract: NUMERIC for math, EXACT_MATCH for question answering. */
export function defaultGrader(family: TaskFamily): LocalGrader {
  return family === 'math' ? 'NUMERIC' : 'EXACT_MATCH';
}

/** The local grader a request asks for; undefined for UNSPECIFIED (family default). */
export function localGraderOf(grader: OutcomeGrader): LocalGrader | 'LLM' | undefined {
  switch (grader) {
    case OutcomeGrader.OUTCOME_GRADER_NUMERIC:
      return 'NUMERIC';
    case OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH:
      return 'EXACT_MATCH';
    case OutcomeGrader.OUTCOME_GRADER_TOKEN_F1:
      return 'TOKEN_F1';
    case OutcomeGrader.OUTCOME_GRADER_LLM:
      return 'LLM';
    default:
      return undefined;
  }
}

/** Grades a final answer (undefined: the trajectory gave none, which is wrong) against the gold answers. */
export function gradeAnswer(answer: string | undefined, golds: readonly string[], grader: LocalGrader): AnswerGrade {
  const match = matchAnswer(answer ?? '', golds);
  if (answer === undefined) return { grader, correct: false, score: 0, match: { ...match, f1: 0, precision: 0, recall: 0, exactMatch: false }, rationale: 'no final answer' };
  switch (grader) {
    case 'NUMERIC': {
      if (match.numericMatch !== undefined) return { grader, correct: match.numericMatch, score: match.numericMatch ? 1 : 0, match, rationale: `numeric: ${answer} ${match.numericMatch ? '==' : '!='} ${match.matchedGold}` };
      return { grader, correct: match.exactMatch, score: match.exactMatch ? 1 : 0, match, rationale: `not a number: exact match ${match.exactMatch ? 'yes' : 'no'}` };
    }
    case 'EXACT_MATCH':
      return { grader, correct: match.exactMatch, score: match.exactMatch ? 1 : 0, match, rationale: `exact match ${match.exactMatch ? 'yes' : 'no'}` };
    case 'TOKEN_F1':
      return { grader, correct: match.f1 >= F1_THRESHOLD, score: match.f1, match, rationale: `token F1 ${match.f1.toFixed(3)} ${match.f1 >= F1_THRESHOLD ? '>=' : '<'} ${F1_THRESHOLD}` };
  }
}
