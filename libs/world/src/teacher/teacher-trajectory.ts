import { parseAction } from '@swirl/actions';
import { SeededRandom } from '../random/seeded-random';
import type { WorldTools } from '../tools/world-tools';
import type { WorldQuestion } from '../world/world-question';
import { answersMatch } from './answers-match';
import { solveMath } from './math-teacher';
import { resolveMistakeConfig, type MistakeOptions } from './mistake-options';
import { solveMultihop } from './multihop-teacher';
import type { TeacherTrajectory } from './teacher-trajectory-types';

export interface TeacherOptions {
  /** The real tools over the question's world (see `createWorldTools`). */
  tools: WorldTools;
  /** Seed of this trajectory; combined with the question id, so each question gets its own stream. @default 0 */
  seed?: number;
  /** Mistake rates. @default DEFAULT_MISTAKES (pass NO_MISTAKES for a perfect teacher) */
  mistakes?: MistakeOptions;
}

/**
 * A scripted trajectory for `question` in the method's format: one action per step, each tool
 * call run for real, ending in an answer within the step cap, with a ground-truth label per step.
 */
export function teacherTrajectory(question: WorldQuestion, options: TeacherOptions): TeacherTrajectory {
  const seed = options.seed ?? 0;
  const mistakes = resolveMistakeConfig(options.mistakes);
  const random = new SeededRandom(seed).fork(question.id);
  const recorder = question.family === 'multihop' ? solveMultihop(question, options.tools, mistakes, random) : solveMath(question, options.tools, mistakes, random);

  const last = recorder.steps[recorder.steps.length - 1];
  const parsed = last ? parseAction(last.action) : undefined;
  if (parsed?.kind !== 'answer') throw new Error(`teacher bug: trajectory for ${question.id} does not end with an answer`);
  return { questionId: question.id, seed, steps: recorder.steps, finalAnswer: parsed.answer, correct: answersMatch(parsed.answer, question.answer) };
}
