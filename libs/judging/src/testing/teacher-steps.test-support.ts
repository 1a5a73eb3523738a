import {
  createWorldTools,
  generateWorld,
  renderConversation,
  teacherTrajectory,
  type MistakeOptions,
  type StepLabel,
  type TeacherTrajectory,
  type World,
  type WorldQuestion,
  type WorldTools,
} from '@swirl/world';
import type { StepToJudge } from '../conversation/chat-turn';

/** One step of a scripted-teacher trajectory, as a judge sees it, with the teacher's ground truth. */
export interface TeacherStep {
  readonly question: WorldQuestion;
  readonly trajectory: TeacherTrajectory;
  readonly index: number;
  readonly step: StepToJudge;
  readonly label: StepLabel;
}

/** Mistakes often enough that every kind shows up in a few hundred trajectories. */
export const FREQUENT_MISTAKES: MistakeOptions = Object.freeze({
  unhelpfulQuery: 0.3,
  repeatedQuery: 0.3,
  wrongOperation: 0.3,
  correctionRate: 0.5,
  prematureAnswer: 0.2,
  unsupportedAnswer: 0.2,
  systematicRate: 0.8,
});

let shared: { world: World; tools: WorldTools } | undefined;

/** The default world of seed 1 and its real tools, built once per test file. */
export function teacherWorld(): { world: World; tools: WorldTools } {
  if (shared === undefined) {
    const world = generateWorld({ seed: 1 });
    shared = { world, tools: createWorldTools(world.corpus) };
  }
  return shared;
}

export interface TeacherStepQuery {
  readonly split?: 'train' | 'dev' | 'test';
  readonly template?: string;
  /** @default [0, 1, 2] */
  readonly seeds?: readonly number[];
  /** @default FREQUENT_MISTAKES */
  readonly mistakes?: MistakeOptions;
  /** Questions to play per template. @default 40 */
  readonly questions?: number;
}

/** Every step of the teacher's trajectories on the chosen questions, with prefixes as the method builds them. */
export function teacherSteps(query: TeacherStepQuery = {}): TeacherStep[] {
  const { world, tools } = teacherWorld();
  const questions = world
    .questions(query.split ?? 'train')
    .filter((q) => query.template === undefined || q.template === query.template)
    .slice(0, query.questions ?? 40);
  const out: TeacherStep[] = [];
  for (const question of questions) {
    for (const seed of query.seeds ?? [0, 1, 2]) {
      const trajectory = teacherTrajectory(question, { tools, seed, mistakes: query.mistakes ?? FREQUENT_MISTAKES });
      trajectory.steps.forEach((s, index) => {
        const prefix = renderConversation(question, trajectory.steps.slice(0, index));
        out.push({ question, trajectory, index, label: s.label, step: { prefix, action: s.action, family: question.family } });
      });
    }
  }
  return out;
}

/** The first teacher step matching `predicate`; fails the test loudly if there is none. */
export function teacherStep(query: TeacherStepQuery, predicate: (s: TeacherStep) => boolean): TeacherStep {
  const found = teacherSteps(query).find(predicate);
  if (found === undefined) throw new Error(`no teacher step matches in ${JSON.stringify(query)}`);
  return found;
}

/** The same step with another action text (for malformed variants of a real turn). */
export function withAction(step: TeacherStep, action: string): StepToJudge {
  return { ...step.step, action };
}

/** The action text of a step, for variants. */
export const actionOf = (s: TeacherStep) => s.step.action;
