import {
  ActionKind,
  durationFromMs,
  FinishReason,
  OutcomeGrader,
  OutcomeLabel,
  ToolResult,
  TrajectoryFinishReason as ProtoFinishReason,
  VerdictLabel,
  type Action,
  type ChatMessage as ProtoChatMessage,
  type OutcomeVerdict as ProtoOutcomeVerdict,
  type Step as ProtoStep,
  type Task as ProtoTask,
  type Trajectory as ProtoTrajectory,
  type Verdict,
} from '@swirl/proto';
import type { GenerationFinishReason, JsonObject, JsonValue, OutcomeVerdict, Step, StepAction, StepVerdict, Trajectory, TrajectoryFinishReason } from '@swirl/store';
import type { Task } from '../tasks/task';
import { chatMessagesToProto } from './chat-messages';
import { familyToProto } from './task-family';

/** BASIC leaves out token ids and log-probabilities; FULL has everything. */
export type ViewLevel = 'basic' | 'full';

const FINISH: Readonly<Record<TrajectoryFinishReason, ProtoFinishReason>> = {
  answered: ProtoFinishReason.TRAJECTORY_FINISH_REASON_ANSWERED,
  step_cap: ProtoFinishReason.TRAJECTORY_FINISH_REASON_STEP_CAP,
  malformed_action: ProtoFinishReason.TRAJECTORY_FINISH_REASON_MALFORMED_ACTION,
  context_length: ProtoFinishReason.TRAJECTORY_FINISH_REASON_CONTEXT_LENGTH,
  error: ProtoFinishReason.TRAJECTORY_FINISH_REASON_ERROR,
  cancelled: ProtoFinishReason.TRAJECTORY_FINISH_REASON_CANCELLED,
};

export function finishReasonToProto(reason: TrajectoryFinishReason | undefined): ProtoFinishReason {
  return reason === undefined ? ProtoFinishReason.TRAJECTORY_FINISH_REASON_UNSPECIFIED : FINISH[reason];
}

export function finishReasonFromProto(reason: ProtoFinishReason): TrajectoryFinishReason | undefined {
  return (Object.keys(FINISH) as TrajectoryFinishReason[]).find((r) => FINISH[r] === reason);
}

const GENERATION_FINISH: Readonly<Record<GenerationFinishReason, FinishReason>> = {
  stop_sequence: FinishReason.FINISH_REASON_STOP_SEQUENCE,
  eos: FinishReason.FINISH_REASON_EOS,
  max_tokens: FinishReason.FINISH_REASON_MAX_TOKENS,
  context_length: FinishReason.FINISH_REASON_CONTEXT_LENGTH,
  cancelled: FinishReason.FINISH_REASON_CANCELLED,
};

const TOOL_STATUS = { ok: 'TOOL_RESULT_STATUS_OK', tool_error: 'TOOL_RESULT_STATUS_TOOL_ERROR', timeout: 'TOOL_RESULT_STATUS_TIMEOUT' } as const;
const LABEL = { GOOD: VerdictLabel.VERDICT_LABEL_GOOD, BAD: VerdictLabel.VERDICT_LABEL_BAD, ABSTAIN: VerdictLabel.VERDICT_LABEL_ABSTAIN } as const;

export function taskToProto(task: Task): ProtoTask {
  return {
    id: task.id,
    family: familyToProto(task.family),
    question: task.question,
    goldAnswers: [...task.goldAnswers],
    dataset: task.dataset,
    split: task.split,
    corpus: task.corpus,
    metadata: { ...task.metadata },
  };
}

export function actionToProto(action: StepAction): Action {
  const kind =
    action.kind === 'tool_call' ? ActionKind.ACTION_KIND_TOOL_CALL : action.kind === 'final_answer' ? ActionKind.ACTION_KIND_FINAL_ANSWER : ActionKind.ACTION_KIND_MALFORMED;
  const parsed =
    action.toolCall !== undefined
      ? { $case: 'toolCall' as const, value: { toolName: action.toolCall.toolName, arguments: { ...action.toolCall.arguments }, callId: action.toolCall.callId ?? '' } }
      : action.answer !== undefined
        ? { $case: 'answer' as const, value: action.answer }
        : undefined;
  return { kind, rawText: action.text, reasoning: action.reasoning, parsed, parseError: action.parseError ?? '' };
}

export function verdictToProto(v: StepVerdict): Verdict {
  return {
    label: LABEL[v.label],
    score: v.score,
    rationale: v.rationale,
    judgeId: v.judgeId,
    judgeVersion: v.judgeVersion,
    votes: v.votes,
    goodVotes: v.goodVotes,
    judgeModel: v.judgeModel,
    createTime: v.createdAt,
  };
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Outcome verdicts are stored with the grader's enum name as grader id (e.g. NUMERIC). */
export function outcomeVerdictToProto(v: OutcomeVerdict): ProtoOutcomeVerdict {
  const d = v.details;
  const grader = OutcomeGrader[`OUTCOME_GRADER_${v.graderId}` as keyof typeof OutcomeGrader];
  const model = d['grader_model'];
  return {
    label: v.correct ? OutcomeLabel.OUTCOME_LABEL_YES : OutcomeLabel.OUTCOME_LABEL_NO,
    score: v.score,
    f1: Number(d['f1'] ?? 0),
    precision: Number(d['precision'] ?? 0),
    recall: Number(d['recall'] ?? 0),
    exactMatch: d['exact_match'] === true,
    predictedAnswer: v.predictedAnswer,
    matchedGoldAnswer: typeof d['matched_gold_answer'] === 'string' ? d['matched_gold_answer'] : '',
    rationale: v.rationale,
    grader: grader ?? OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED,
    graderVersion: v.graderVersion,
    graderModel: isObject(model) ? { name: String(model['name'] ?? ''), version: String(model['version'] ?? '') } : undefined,
    createTime: v.createdAt,
  };
}

export function stepToProto(step: Step, verdicts: readonly StepVerdict[], view: ViewLevel): ProtoStep {
  const full = view === 'full';
  const tool = step.toolResult;
  return {
    index: step.index,
    prefix: {
      hash: step.prefix.hash,
      messageCount: step.prefix.messageCount,
      tokenCount: step.prefix.tokenCount,
      tokenIds: full && step.prefix.tokenIds !== undefined ? Array.from(step.prefix.tokenIds) : [],
    },
    action: actionToProto(step.action),
    actionTokenIds: full ? Array.from(step.actionTokenIds) : [],
    actionLogprobs: full ? Array.from(step.actionLogprobs) : [],
    model: { ...step.model },
    promptVersion: step.promptVersion,
    toolResult:
      tool === undefined
        ? undefined
        : ToolResult.fromJSON({
            toolName: step.action.toolCall?.toolName ?? '',
            callId: step.action.toolCall?.callId ?? '',
            status: TOOL_STATUS[tool.status],
            output: tool.output,
            observation: tool.observation,
            errorMessage: tool.errorMessage ?? '',
            truncated: tool.truncated,
            ...tool.detail,
          }),
    observation: step.observation,
    finishReason: GENERATION_FINISH[step.finishReason],
    timings: {
      startTime: step.timings.startedAt,
      generation: undefined,
      tool: step.timings.toolMs === undefined ? undefined : durationFromMs(step.timings.toolMs),
      total: durationFromMs(step.timings.totalMs),
    },
    verdicts: verdicts.filter((v) => v.step.index === step.index).map(verdictToProto),
    seed: step.seed,
  };
}

export interface TrajectoryParts {
  readonly trajectory: Trajectory;
  readonly task: Task;
  readonly steps: readonly Step[];
  readonly stepVerdicts: readonly StepVerdict[];
  readonly outcomeVerdicts: readonly OutcomeVerdict[];
}

export function trajectoryToProto(parts: TrajectoryParts, view: ViewLevel): ProtoTrajectory {
  const t = parts.trajectory;
  const s = t.sampling;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const prompt: ProtoChatMessage[] = chatMessagesToProto(t.prompt);
  return {
    id: t.id,
    task: taskToProto(parts.task),
    prompt,
    steps: parts.steps.map((step) => stepToProto(step, parts.stepVerdicts, view)),
    finishReason: finishReasonToProto(t.finishReason),
    sampling: {
      temperature: num(s['temperature']),
      topP: num(s['top_p']),
      topK: num(s['top_k']),
      seed: num(s['seed']),
      maxNewTokens: num(s['max_new_tokens']) ?? 0,
      stopSequences: Array.isArray(s['stop_sequences']) ? s['stop_sequences'].map(String) : [],
      ignoreEos: false,
    },
    model: { ...t.model },
    promptVersion: t.promptVersion,
    jobId: t.jobId,
    sampleIndex: t.sampleIndex,
    finalAnswer: t.finalAnswer ?? '',
    outcomeVerdicts: parts.outcomeVerdicts.map(outcomeVerdictToProto),
    maxSteps: t.maxSteps,
    createTime: t.createdAt,
    elapsed: t.finishedAt === undefined ? undefined : durationFromMs(t.finishedAt.getTime() - t.createdAt.getTime()),
    errorMessage: t.error ?? '',
  };
}
