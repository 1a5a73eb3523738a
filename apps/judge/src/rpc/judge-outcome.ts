import { invalidArgument, type CallContext } from '@swirl/grpc-kit';
import type { JudgeOutcomeRequest, JudgeOutcomeResponse, OutcomeGrader, OutcomeVerdict } from '@swirl/proto';
import type { JudgeRegistry } from '../judges/judge-registry';
import type { AnswerToGrade } from '../judges/outcome-grader';
import { gradeOutcomesCached, type GradedOutcome, type OutcomeGradingDeps } from './outcome-grading';
import { familyOf, resolveGrader } from './proto-mapping';
import { replyBudget, type ReplyBudget } from './reply-budget';
import { checkUniqueIds, itemName, REQUEST_LIMITS } from './request-limits';

/** The f1 threshold a request asks for (0 means the default 0.5), checked. */
export function f1ThresholdOf(requested: number): number {
  if (!(requested >= 0 && requested <= 1)) throw invalidArgument(`f1_threshold is ${requested}; it must be in [0, 1] (0 = the default 0.5)`);
  return requested === 0 ? 0.5 : requested;
}

function validate(request: JudgeOutcomeRequest): AnswerToGrade[] {
  const items = request.items;
  if (items.length === 0) throw invalidArgument('JudgeOutcomeRequest.items is empty: send 1 to 1024 answers to grade');
  if (items.length > REQUEST_LIMITS.maxOutcomeItems) throw invalidArgument(`JudgeOutcomeRequest.items holds ${items.length} answers; at most ${REQUEST_LIMITS.maxOutcomeItems} per call: split the batch`);
  if (request.samples > REQUEST_LIMITS.maxSamples) throw invalidArgument(`samples is ${request.samples}; at most ${REQUEST_LIMITS.maxSamples} votes per item (0 = the grader's default)`);
  const f1Threshold = f1ThresholdOf(request.f1Threshold);
  checkUniqueIds(items.map((it) => it.itemId), invalidArgument);
  return items.map((item, i) => {
    const golds = item.goldAnswers.filter((g) => g.trim() !== '');
    if (golds.length === 0) throw invalidArgument(`${itemName(i, item.itemId)}.gold_answers is empty: pass at least one accepted answer`);
    const family = familyOf(item.family);
    return { predicted: item.predictedAnswer, golds, question: item.question, f1Threshold, ...(family === undefined ? {} : { family }) };
  });
}

export interface JudgeOutcomeDeps extends OutcomeGradingDeps {
  readonly registry: JudgeRegistry;
  readonly replyMarginMs: number;
}

/**
 * Grades answers that may need different graders (UNSPECIFIED picks per item by family), each
 * group with its grader prepared once; results come back in request order.
 */
export async function gradeByGrader(
  requested: OutcomeGrader,
  items: readonly AnswerToGrade[],
  options: {
    readonly samples: number;
    readonly bypassCache: boolean;
    readonly model?: JudgeOutcomeRequest['graderModel'];
    /** A verdict already stored for item `index` by this grader and version, to reuse instead of grading. */
    readonly stored?: (index: number, grader: OutcomeGrader, version: string) => OutcomeVerdict | undefined;
  },
  budget: ReplyBudget,
  deps: JudgeOutcomeDeps,
): Promise<(GradedOutcome & { readonly graderId: string; readonly reused: boolean })[]> {
  const groups = new Map<OutcomeGrader, number[]>();
  items.forEach((item, i) => {
    const kind = resolveGrader(requested, item.family);
    groups.set(kind, [...(groups.get(kind) ?? []), i]);
  });
  const results = new Array<GradedOutcome & { graderId: string; reused: boolean }>(items.length);
  for (const [kind, indices] of groups) {
    const grader = deps.registry.grader(kind);
    const prepared = await grader.prepare({ samples: options.samples, ...(options.model === undefined ? {} : { model: options.model }) }, budget);
    const toGrade: number[] = [];
    for (const i of indices) {
      const stored = options.stored?.(i, kind, prepared.version);
      if (stored === undefined) toGrade.push(i);
      else results[i] = { verdict: stored, cacheHit: false, graderId: grader.id, reused: true };
    }
    const graded = await gradeOutcomesCached(grader.id, prepared, toGrade.map((i) => items[i]!), { bypassCache: options.bypassCache }, budget, deps);
    toGrade.forEach((i, k) => (results[i] = { ...graded[k]!, graderId: grader.id, reused: false }));
  }
  return results;
}

/** JudgeService.JudgeOutcome. */
export function createJudgeOutcomeHandler(deps: JudgeOutcomeDeps): (request: JudgeOutcomeRequest, ctx: CallContext) => Promise<JudgeOutcomeResponse> {
  return async (request, ctx) => {
    const items = validate(request);
    const budget = replyBudget(ctx, deps.replyMarginMs);
    try {
      const graded = await gradeByGrader(request.grader, items, { samples: request.samples, bypassCache: request.bypassCache, ...(request.graderModel === undefined ? {} : { model: request.graderModel }) }, budget, deps);
      return { judgments: graded.map((g, i) => ({ itemId: request.items[i]!.itemId, verdict: g.verdict, cacheHit: g.cacheHit })) };
    } finally {
      budget.release();
    }
  };
}
