import { parseAction } from '@swirl/actions';
import {
  ActionKind,
  ChatRole,
  TaskFamily,
  TrajectoryFinishReason,
  type Action,
  type ChatMessage,
  type StepJudgeItem,
  type Trajectory,
} from '@swirl/proto';
import { createWorldTools, generateWorld, renderConversation, teacherTrajectory, type MistakeOptions, type StepLabel, type World, type WorldQuestion, type WorldTools } from '@swirl/world';

let shared: { world: World; tools: WorldTools } | undefined;

/** The default world of seed 1 with its real tools, built once per test file. */
export function testWorld(): { world: World; tools: WorldTools } {
  if (shared === undefined) {
    const world = generateWorld({ seed: 1 });
    shared = { world, tools: createWorldTools(world.corpus) };
  }
  return shared;
}

const ROLE = { system: ChatRole.CHAT_ROLE_SYSTEM, user: ChatRole.CHAT_ROLE_USER, assistant: ChatRole.CHAT_ROLE_ASSISTANT } as const;
export const toMessages = (messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[]): ChatMessage[] => messages.map((m) => ({ role: ROLE[m.role], content: m.content }));

function toAction(text: string): Action {
  const a = parseAction(text);
  switch (a.kind) {
    case 'search':
      return { kind: ActionKind.ACTION_KIND_TOOL_CALL, rawText: text, reasoning: a.reasoning, parsed: { $case: 'toolCall', value: { toolName: 'search', arguments: { query: a.query }, callId: '' } }, parseError: '' };
    case 'calculate':
      return { kind: ActionKind.ACTION_KIND_TOOL_CALL, rawText: text, reasoning: a.reasoning, parsed: { $case: 'toolCall', value: { toolName: 'calculator', arguments: { expression: a.expression }, callId: '' } }, parseError: '' };
    case 'answer':
      return { kind: ActionKind.ACTION_KIND_FINAL_ANSWER, rawText: text, reasoning: a.reasoning, parsed: { $case: 'answer', value: a.answer }, parseError: '' };
    default:
      return { kind: ActionKind.ACTION_KIND_MALFORMED, rawText: text, reasoning: a.reasoning, parsed: undefined, parseError: a.message };
  }
}

/** A scripted-teacher trajectory as the coordinator stores it, with the teacher's labels beside it. */
export interface LabelledTrajectory {
  readonly question: WorldQuestion;
  readonly trajectory: Trajectory;
  readonly labels: readonly StepLabel[];
  readonly correct: boolean;
}

/** Teacher trajectories of the first `count` questions of a template, as proto Trajectories. */
export function teacherTrajectories(template: string, count: number, options: { seed?: number; mistakes?: MistakeOptions; split?: 'train' | 'dev' } = {}): LabelledTrajectory[] {
  const { world, tools } = testWorld();
  return world
    .questions(options.split ?? 'train')
    .filter((q) => q.template === template)
    .slice(0, count)
    .map((question) => {
      const seed = options.seed ?? 0;
      const t = teacherTrajectory(question, { tools, seed, ...(options.mistakes === undefined ? {} : { mistakes: options.mistakes }) });
      const trajectory: Trajectory = {
        id: `${question.id}/s${seed}`,
        task: {
          id: question.id,
          family: question.family === 'math' ? TaskFamily.TASK_FAMILY_MATH : TaskFamily.TASK_FAMILY_MULTI_HOP_QA,
          question: question.question,
          goldAnswers: [question.answer],
          dataset: 'synthetic-world',
          split: question.split,
          corpus: 'world',
          metadata: undefined,
        },
        prompt: toMessages(renderConversation(question, [])),
        steps: t.steps.map((s, index) => ({
          index,
          prefix: undefined,
          action: toAction(s.action),
          actionTokenIds: [],
          actionLogprobs: [],
          model: { name: 'teacher', version: 'scripted' },
          promptVersion: 'swirl-world-prompts/1',
          toolResult: undefined,
          observation: s.observation ?? '',
          finishReason: 0,
          timings: undefined,
          verdicts: [],
        })),
        finishReason: TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_ANSWERED,
        sampling: undefined,
        model: { name: 'teacher', version: 'scripted' },
        promptVersion: 'swirl-world-prompts/1',
        jobId: 'test',
        sampleIndex: seed,
        finalAnswer: t.finalAnswer,
        outcomeVerdicts: [],
        maxSteps: question.family === 'math' ? 10 : 5,
        createTime: undefined,
        elapsed: undefined,
        errorMessage: '',
      };
      return { question, trajectory, labels: t.steps.map((s) => s.label), correct: t.correct };
    });
}

/** The JudgeSteps items of every step of some trajectories, with ids "<trajectory id>/<step>". */
export function stepItems(labelled: readonly LabelledTrajectory[]): { item: StepJudgeItem; label: StepLabel }[] {
  return labelled.flatMap(({ question, trajectory, labels }) =>
    trajectory.steps.map((step, i) => ({
      label: labels[i]!,
      item: {
        itemId: `${trajectory.id}/${i}`,
        prefix: toMessages(renderConversation(question, trajectory.steps.slice(0, i).map((s) => ({ action: s.action!.rawText, ...(s.observation === '' ? {} : { observation: s.observation }) })))),
        actionText: step.action!.rawText,
        task: trajectory.task,
      },
    })),
  );
}
