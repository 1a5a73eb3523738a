import { buildStepState, type NewStep, type NewTrajectory, type Step, type TrajectoryEnd, type TrajectoryRepository, type TrajectoryWithSteps } from '@swirl/store';
import { describeCallError } from '../clients/unary-call';
import { deriveSeed } from './derive-seed';
import { stopKindOf } from './job-stop';
import { ContextLengthExceeded, type Policy } from './policy';
import { prefixHash } from './prefix-hash';
import type { RolloutOutcome, RolloutPlan } from './rollout-plan';
import { toStepAction } from './step-action';
import type { ToolRunner } from './tool-runner';

/** Hooks for metrics and progress; called after the store has the record. */
export interface RolloutObserver {
  stepStored(step: Step, plan: RolloutPlan): void;
  trajectoryFinished(outcome: RolloutOutcome, plan: RolloutPlan): void;
}

export interface RolloutDeps {
  readonly store: TrajectoryRepository;
  readonly policy: Policy;
  readonly tools: ToolRunner;
  readonly observer?: RolloutObserver;
}

/** The trajectory record a plan starts; identical on every (re)start, so starting is idempotent. */
export function newTrajectoryOf(plan: RolloutPlan): NewTrajectory {
  const s = plan.sampling;
  return {
    id: plan.trajectoryId,
    jobId: plan.jobId,
    questionId: plan.task.id,
    sampleIndex: plan.sampleIndex,
    model: plan.model,
    promptVersion: plan.promptVersion,
    ...(plan.seed === undefined ? {} : { samplingSeed: plan.seed }),
    sampling: {
      temperature: s.temperature,
      max_new_tokens: s.maxNewTokens,
      stop_sequences: [...s.stopSequences],
      ...(s.topP === undefined ? {} : { top_p: s.topP }),
      ...(s.topK === undefined ? {} : { top_k: s.topK }),
      ...(plan.seed === undefined ? {} : { seed: plan.seed }),
    },
    maxSteps: plan.maxSteps,
    prompt: plan.prompt,
  };
}

/** How stored steps end a trajectory by themselves, if they do. */
export function naturalEnd(steps: readonly Step[], maxSteps: number): TrajectoryEnd | undefined {
  const last = steps[steps.length - 1];
  if (last?.action.kind === 'final_answer') return { finishReason: 'answered', finalAnswer: last.action.answer ?? '' };
  if (last?.action.kind === 'malformed') return { finishReason: 'malformed_action' };
  if (last?.finishReason === 'context_length') return { finishReason: 'context_length' };
  if (steps.length >= maxSteps) return { finishReason: 'step_cap' };
  return undefined;
}

/** Generates and executes step `steps.length` of the plan's trajectory (not yet stored). */
async function runStep(plan: RolloutPlan, steps: readonly Step[], deps: RolloutDeps, signal: AbortSignal): Promise<NewStep> {
  const index = steps.length;
  const state = buildStepState(plan.prompt, steps, index);
  const seed = plan.seed === undefined ? undefined : deriveSeed(plan.seed, 'step', index);
  const startedAt = new Date();
  const t0 = performance.now();
  const turn = await deps.policy.generate({ model: plan.model, messages: state, sampling: plan.sampling, seed, returnPromptTokenIds: plan.storePrefixTokenIds }, signal);
  const generationMs = performance.now() - t0;
  const action = toStepAction(turn.text, { corpus: plan.task.corpus, searchTopK: plan.searchTopK, callId: `${plan.trajectoryId}/${index}` });
  let toolResult;
  let toolMs: number | undefined;
  // A call cut by the context window is not run: the conversation cannot go on after it.
  if (action.kind === 'tool_call' && turn.finishReason !== 'context_length') {
    const t1 = performance.now();
    toolResult = await deps.tools.execute(action.toolCall!, plan.toolTimeoutMs, signal);
    toolMs = performance.now() - t1;
  }
  return {
    trajectoryId: plan.trajectoryId,
    index,
    prefix: {
      hash: prefixHash(plan.promptVersion, state),
      messageCount: state.length,
      tokenCount: turn.promptTokenCount,
      ...(turn.promptTokenIds === undefined ? {} : { tokenIds: turn.promptTokenIds }),
    },
    action,
    actionTokenIds: turn.tokenIds,
    actionLogprobs: turn.logprobs,
    finishReason: turn.finishReason,
    ...(toolResult === undefined ? {} : { toolResult }),
    observation: toolResult?.observation ?? '',
    model: turn.model,
    promptVersion: plan.promptVersion,
    ...(seed === undefined ? {} : { seed }),
    timings: { startedAt, generationMs, ...(toolMs === undefined ? {} : { toolMs }), totalMs: performance.now() - t0 },
  };
}

/**
 * Runs one trajectory to its end - or continues it from its last stored step when `existing`
 * is given (a resumed job): stored steps are never generated or executed again. Each step is
 * stored as soon as it completes. Infrastructure failures end the trajectory with ERROR; a
 * cancel ends it CANCELLED; a shutdown leaves it running for the next start. Store failures
 * are not the trajectory's fault and propagate.
 */
export async function runTrajectory(plan: RolloutPlan, existing: TrajectoryWithSteps | undefined, deps: RolloutDeps, signal: AbortSignal): Promise<RolloutOutcome> {
  const steps: Step[] = existing === undefined ? [] : [...existing.steps];
  if (existing === undefined) await deps.store.startTrajectory(newTrajectoryOf(plan));
  let newSteps = 0;
  let end = naturalEnd(steps, plan.maxSteps);
  while (end === undefined) {
    const stop = stopKindOf(signal);
    if (stop === 'shutdown') return { trajectoryId: plan.trajectoryId, finishReason: undefined, steps: steps.length, newSteps };
    if (stop === 'cancel') {
      end = { finishReason: 'cancelled' };
      break;
    }
    let completed: NewStep;
    try {
      completed = await runStep(plan, steps, deps, signal);
    } catch (err) {
      if (stopKindOf(signal) !== undefined) continue;
      end = err instanceof ContextLengthExceeded ? { finishReason: 'context_length' } : { finishReason: 'error', error: `step ${steps.length}: ${describeCallError(err)}` };
      break;
    }
    // Stored even when a cancel arrived meanwhile: the step is complete, its tool call ran.
    const step = await deps.store.appendStep(completed);
    steps.push(step);
    newSteps += 1;
    deps.observer?.stepStored(step, plan);
    end = naturalEnd(steps, plan.maxSteps);
  }
  await deps.store.finishTrajectory(plan.trajectoryId, end);
  const outcome: RolloutOutcome = { trajectoryId: plan.trajectoryId, ...end, steps: steps.length, newSteps };
  deps.observer?.trajectoryFinished(outcome, plan);
  return outcome;
}
