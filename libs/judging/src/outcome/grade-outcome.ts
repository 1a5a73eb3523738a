import type { TaskFamily } from '../conversation/chat-turn';
import { normaliseAnswer } from './normalise-answer';
import { formatNumericAnswer, numericallyEqual, readNumericAnswer } from './numeric-answer';
import { tokenOverlap, type TokenOverlap } from './token-overlap';

/** The deterministic graders; the LLM grader lives with its inference backend. */
export type OutcomeGraderKind = 'exact-match' | 'token-f1' | 'numeric';

/** Revision of the deterministic graders; bump when what they accept changes. */
export const OUTCOME_GRADERS_VERSION = 'outcome/1';

export interface OutcomeGrade {
  readonly label: 'yes' | 'no';
  /** 1/0 for exact match and numeric, the F1 for token F1. */
  readonly score: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly exactMatch: boolean;
  /** The gold answer that matched best. */
  readonly matchedGold: string;
  readonly rationale: string;
  readonly grader: OutcomeGraderKind;
}

export interface GradeRequest {
  readonly predicted: string;
  /** Accepted answers; at least one. A GSM8K solution ("... #### 72") is accepted as is. */
  readonly golds: readonly string[];
  /** Grader; undefined: numeric for math, exact match otherwise. */
  readonly grader?: OutcomeGraderKind;
  readonly family?: TaskFamily;
  /** For token F1: YES iff F1 >= this. @default 0.5 */
  readonly f1Threshold?: number;
}

/** GSM8K gold answers are whole solutions; the answer is what follows `####`. */
function goldAnswerText(gold: string): string {
  const at = gold.lastIndexOf('####');
  return at >= 0 ? gold.slice(at + 4).trim() : gold.trim();
}

/** The best overlap over the gold answers, and which gold gave it. */
function bestOverlap(predicted: string, golds: readonly string[]): TokenOverlap & { gold: string } {
  let best = { f1: 0, precision: 0, recall: 0, gold: golds[0] ?? '' };
  for (const gold of golds) {
    const o = tokenOverlap(predicted, gold);
    if (o.f1 > best.f1) best = { ...o, gold };
  }
  return best;
}

export function defaultGrader(family: TaskFamily | undefined): OutcomeGraderKind {
  return family === 'math' ? 'numeric' : 'exact-match';
}

/**
 * Grades a final answer against gold answers. Token F1, precision, recall and exact match are
 * always computed; the grader decides the label. An empty prediction is NO.
 */
export function gradeOutcome(request: GradeRequest): OutcomeGrade {
  const golds = request.golds.map(goldAnswerText).filter((g) => g.length > 0);
  if (golds.length === 0) throw new RangeError('gradeOutcome needs at least one non-empty gold answer');
  const grader = request.grader ?? defaultGrader(request.family);
  const predicted = request.predicted.trim();
  const overlap = bestOverlap(predicted, golds);
  const emGold = golds.find((g) => normaliseAnswer(g) === normaliseAnswer(predicted) && predicted !== '');
  const base = { f1: overlap.f1, precision: overlap.precision, recall: overlap.recall, exactMatch: emGold !== undefined, grader };
  if (predicted === '') return { ...base, label: 'no', score: 0, matchedGold: golds[0]!, rationale: 'no answer was given' };

  const exact = (): OutcomeGrade =>
    emGold !== undefined
      ? { ...base, label: 'yes', score: 1, matchedGold: emGold, rationale: `exact match: "${normaliseAnswer(predicted)}"` }
      : { ...base, label: 'no', score: 0, matchedGold: overlap.gold, rationale: `no exact match: "${normaliseAnswer(predicted)}" vs ${golds.map((g) => `"${normaliseAnswer(g)}"`).join(', ')}` };

  switch (grader) {
    case 'exact-match':
      return exact();
    case 'token-f1': {
      const threshold = request.f1Threshold ?? 0.5;
      const yes = overlap.f1 >= threshold;
      return { ...base, label: yes ? 'yes' : 'no', score: overlap.f1, matchedGold: overlap.gold, rationale: `token F1 ${overlap.f1.toFixed(3)} ${yes ? '>=' : '<'} ${threshold} against "${overlap.gold}"` };
    }
    case 'numeric': {
      const p = readNumericAnswer(predicted);
      const numericGolds = golds.map((g) => ({ gold: g, n: readNumericAnswer(g) }));
      if (p === undefined || numericGolds.some((g) => g.n === undefined)) return { ...exact(), rationale: `not numeric, so ${exact().rationale}` };
      const hit = numericGolds.find((g) => numericallyEqual(p, g.n!));
      return hit !== undefined
        ? { ...base, label: 'yes', score: 1, matchedGold: hit.gold, rationale: `numeric: ${formatNumericAnswer(p)} == ${formatNumericAnswer(hit.n!)}` }
        : { ...base, label: 'no', score: 0, matchedGold: numericGolds[0]!.gold, rationale: `numeric: ${formatNumericAnswer(p)} != ${numericGolds.map((g) => formatNumericAnswer(g.n!)).join(', ')}` };
    }
  }
}
