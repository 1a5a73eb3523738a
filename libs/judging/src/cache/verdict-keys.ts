import { createHash } from 'node:crypto';
import type { ChatTurn, TaskFamily } from '../conversation/chat-turn';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Hex SHA-256 of a conversation prefix: roles and contents, in order, unambiguously framed. */
export function prefixHash(prefix: readonly ChatTurn[]): string {
  return sha256(JSON.stringify(prefix.map((t) => [t.role, t.content])));
}

/** Hex SHA-256 of an action's text, verbatim. */
export function actionHash(action: string): string {
  return sha256(action);
}

/** What identifies a process verdict: the judge and its version, the votes, the state and the action. */
export interface StepVerdictKeyParts {
  readonly judgeId: string;
  /** Judge version (rules revision, or prompt version plus model version). */
  readonly judgeVersion: string;
  readonly samples: number;
  readonly prefixHash: string;
  readonly actionHash: string;
  /** The family the caller stated, if any: the rules read it. */
  readonly family?: TaskFamily;
}

export function stepVerdictKey(parts: StepVerdictKeyParts): string {
  return sha256(JSON.stringify(['step', parts.judgeId, parts.judgeVersion, parts.samples, parts.prefixHash, parts.actionHash, parts.family ?? '']));
}

/** What identifies an outcome verdict. */
export interface OutcomeVerdictKeyParts {
  readonly graderId: string;
  readonly graderVersion: string;
  readonly samples: number;
  readonly f1Threshold: number;
  readonly predicted: string;
  readonly golds: readonly string[];
  /** Only the LLM grader reads the question; pass '' for the others so it does not split the cache. */
  readonly question: string;
  readonly family?: TaskFamily;
}

export function outcomeVerdictKey(parts: OutcomeVerdictKeyParts): string {
  return sha256(
    JSON.stringify(['outcome', parts.graderId, parts.graderVersion, parts.samples, parts.f1Threshold, parts.predicted, parts.golds, parts.question, parts.family ?? '']),
  );
}
