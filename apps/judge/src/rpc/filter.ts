import type { CallContext } from '@swirl/grpc-kit';
import { decideTrajectory, needsOutcomeVerdict, needsProcessVerdicts, stepStates, type ChatTurn, type TrajectoryEvidence } from '@swirl/judging';
import {
  OutcomeLabel,
  RejectionReason,
  TaskFamily,
  TrajectoryFinishReason,
  VerdictLabel,
  type FilterDecision,
  type FilterRequest,
  type FilterResponse,
  type OutcomeVerdict,
  type StepExample,
  type Trajectory,
  type Verdict,
} from '@swirl/proto';
import type { JudgeRegistry } from '../judges/judge-registry';
import type { TrajectorySource } from '../trajectories/trajectory-source';
import { filterInput, finalAnswerOf, strategyOf } from './filter-input';
import { gradeByGrader, type JudgeOutcomeDeps } from './judge-outcome';
import { familyOf, toChatMessages, toChatTurns, verdictLabelName } from './proto-mapping';
import { replyBudget, type ReplyBudget } from './reply-budget';
import { judgeStepsCached, type StepJudgingDeps, type StepWork } from './step-judging';

const REASON: Record<string, RejectionReason> = {
  'step-bad': RejectionReason.REJECTION_REASON_STEP_BAD,
  'step-abstain': RejectionReason.REJECTION_REASON_STEP_ABSTAIN,
  'outcome-wrong': RejectionReason.REJECTION_REASON_OUTCOME_WRONG,
  'no-final-answer': RejectionReason.REJECTION_REASON_NO_FINAL_ANSWER,
  incomplete: RejectionReason.REJECTION_REASON_INCOMPLETE,
};

export interface FilterDeps extends StepJudgingDeps, JudgeOutcomeDeps {
  readonly registry: JudgeRegistry;
  readonly trajectories: TrajectorySource;
  readonly replyMarginMs: number;
}

/** Process verdicts of every step of every trajectory: stored ones reused if asked, the rest judged. */
async function processVerdicts(request: FilterRequest, trajectories: readonly Trajectory[], states: readonly ChatTurn[][][], budget: ReplyBudget, deps: FilterDeps): Promise<Verdict[][]> {
  const judge = deps.registry.processJudge(request.processJudgeId);
  const prepared = await judge.prepare({ samples: request.samples }, budget);
  const verdicts = trajectories.map((t) => new Array<Verdict>(t.steps.length));
  const work: (StepWork & { t: number; s: number })[] = [];
  trajectories.forEach((t, ti) => {
    const family = familyOf(t.task?.family);
    t.steps.forEach((step, si) => {
      const stored = request.useStoredVerdicts ? step.verdicts.find((v) => v.judgeId === judge.id && v.judgeVersion === prepared.version) : undefined;
      if (stored !== undefined) verdicts[ti]![si] = stored;
      else {
        const action = step.action?.rawText ?? '';
        work.push({ t: ti, s: si, stepIndex: step.index, step: family === undefined ? { prefix: states[ti]![si]!, action } : { prefix: states[ti]![si]!, action, family } });
      }
    });
  });
  const judged = await judgeStepsCached(judge.id, prepared, work, { bypassCache: false }, budget, deps);
  judged.forEach((j, k) => (verdicts[work[k]!.t]![work[k]!.s] = j.verdict));
  return verdicts;
}

/** Outcome verdicts (undefined: no final answer), stored ones reused if asked. */
async function outcomeVerdicts(request: FilterRequest, trajectories: readonly Trajectory[], budget: ReplyBudget, deps: FilterDeps): Promise<(OutcomeVerdict | undefined)[]> {
  const answered = trajectories.map((t, i) => ({ t, i, answer: finalAnswerOf(t) })).filter((x) => x.answer !== '');
  const items = answered.map(({ t, answer }) => {
    const family = familyOf(t.task?.family);
    return { predicted: answer, golds: t.task!.goldAnswers.filter((g) => g.trim() !== ''), question: t.task?.question ?? '', f1Threshold: 0.5, ...(family === undefined ? {} : { family }) };
  });
  const graded = await gradeByGrader(
    request.outcomeGrader,
    items,
    {
      samples: request.samples,
      bypassCache: false,
      stored: (k, grader, version) => (request.useStoredVerdicts ? answered[k]!.t.outcomeVerdicts.find((v) => v.grader === grader && v.graderVersion === version) : undefined),
    },
    budget,
    deps,
  );
  const out = new Array<OutcomeVerdict | undefined>(trajectories.length);
  graded.forEach((g, k) => (out[answered[k]!.i] = g.verdict));
  return out;
}

function examplesOf(t: Trajectory, states: readonly ChatTurn[][], verdicts: readonly Verdict[] | undefined): StepExample[] {
  return t.steps.map((step, i) => {
    const fresh = verdicts?.[i];
    const known = step.verdicts.some((v) => fresh !== undefined && v.judgeId === fresh.judgeId && v.judgeVersion === fresh.judgeVersion);
    return {
      id: `${t.id}/${step.index}`,
      trajectoryId: t.id,
      stepIndex: step.index,
      taskId: t.task?.id ?? '',
      family: t.task?.family ?? TaskFamily.TASK_FAMILY_UNSPECIFIED,
      state: toChatMessages(states[i]!),
      stateTokenIds: step.prefix?.tokenIds ?? [],
      action: step.action,
      actionTokenIds: step.actionTokenIds,
      actionLogprobs: step.actionLogprobs,
      model: step.model,
      promptVersion: step.promptVersion || t.promptVersion,
      prefixHash: step.prefix?.hash ?? '',
      verdicts: fresh === undefined || known ? step.verdicts : [...step.verdicts, fresh],
    };
  });
}

/**
 * JudgeService.Filter: judges what the strategy needs (process verdicts per step, an outcome
 * verdict per trajectory), decides per trajectory with every reason, and decomposes the kept
 * ones into (state, action) examples.
 */
export function createFilterHandler(deps: FilterDeps): (request: FilterRequest, ctx: CallContext) => Promise<FilterResponse> {
  return async (request, ctx) => {
    const strategy = strategyOf(request.strategy);
    const budget = replyBudget(ctx, deps.replyMarginMs);
    try {
      const trajectories = await filterInput(request, strategy, deps.trajectories, budget);
      const states = trajectories.map((t) => stepStates(toChatTurns(t.prompt), t.steps.map((s) => ({ actionText: s.action?.rawText ?? '', observation: s.observation }))));
      const steps = needsProcessVerdicts(strategy) ? await processVerdicts(request, trajectories, states, budget, deps) : undefined;
      const outcomes = needsOutcomeVerdict(strategy) ? await outcomeVerdicts(request, trajectories, budget, deps) : undefined;

      const decisions: FilterDecision[] = [];
      const examples: StepExample[] = [];
      trajectories.forEach((t, i) => {
        const outcome = outcomes?.[i];
        const evidence: TrajectoryEvidence = {
          incomplete: t.finishReason === TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_ERROR || t.finishReason === TrajectoryFinishReason.TRAJECTORY_FINISH_REASON_CANCELLED,
          ...(steps === undefined ? {} : { steps: steps[i]!.map((v) => ({ label: verdictLabelName(v.label), rationale: v.rationale })) }),
          ...(outcomes === undefined ? {} : { outcome: outcome === undefined ? ('no-final-answer' as const) : { label: outcome.label === OutcomeLabel.OUTCOME_LABEL_YES ? ('yes' as const) : ('no' as const), rationale: outcome.rationale } }),
        };
        const d = decideTrajectory(strategy, evidence);
        decisions.push({ trajectoryId: t.id, kept: d.kept, reasons: d.reasons.map((r) => REASON[r]!), badStepIndices: [...d.badStepIndices], detail: d.detail });
        if (d.kept && !request.omitExamples) examples.push(...examplesOf(t, states[i]!, steps?.[i]));
      });

      const judgedSteps = steps?.flat() ?? [];
      const graded = (outcomes ?? []).filter((o): o is OutcomeVerdict => o !== undefined);
      const kept = trajectories.filter((_, i) => decisions[i]!.kept);
      return {
        decisions,
        examples,
        stepVerdicts: request.returnVerdicts && steps !== undefined ? trajectories.flatMap((t, i) => t.steps.map((s, k) => ({ trajectoryId: t.id, stepIndex: s.index, verdict: steps[i]![k] }))) : [],
        outcomeVerdicts: request.returnVerdicts && outcomes !== undefined ? trajectories.flatMap((t, i) => (outcomes[i] === undefined ? [] : [{ trajectoryId: t.id, verdict: outcomes[i] }])) : [],
        stats: {
          trajectoriesIn: trajectories.length,
          trajectoriesKept: kept.length,
          stepsIn: trajectories.reduce((n, t) => n + t.steps.length, 0),
          stepsKept: kept.reduce((n, t) => n + t.steps.length, 0),
          stepGoodRate: judgedSteps.length === 0 ? 0 : judgedSteps.filter((v) => v.label === VerdictLabel.VERDICT_LABEL_GOOD).length / judgedSteps.length,
          outcomeYesRate: graded.length === 0 ? 0 : graded.filter((v) => v.label === OutcomeLabel.OUTCOME_LABEL_YES).length / graded.length,
        },
      };
    } finally {
      budget.release();
    }
  };
}
