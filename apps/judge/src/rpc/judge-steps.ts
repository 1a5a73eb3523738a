import { invalidArgument, type CallContext } from '@swirl/grpc-kit';
import type { JudgeStepsRequest, JudgeStepsResponse } from '@swirl/proto';
import type { JudgeRegistry } from '../judges/judge-registry';
import { familyOf, roleOf, toChatTurns } from './proto-mapping';
import { replyBudget } from './reply-budget';
import { checkUniqueIds, itemName, REQUEST_LIMITS } from './request-limits';
import { judgeStepsCached, type StepJudgingDeps, type StepWork } from './step-judging';

/** Checks a JudgeSteps request and turns its items into steps; every problem says what to fix. */
export function validateJudgeSteps(request: JudgeStepsRequest): StepWork[] {
  const items = request.items;
  if (items.length === 0) throw invalidArgument('JudgeStepsRequest.items is empty: send 1 to 256 steps (prefix and action_text) to judge');
  if (items.length > REQUEST_LIMITS.maxStepItems) {
    throw invalidArgument(`JudgeStepsRequest.items holds ${items.length} steps; at most ${REQUEST_LIMITS.maxStepItems} per call: split the batch`);
  }
  if (request.samples > REQUEST_LIMITS.maxSamples) throw invalidArgument(`samples is ${request.samples}; at most ${REQUEST_LIMITS.maxSamples} votes per item (0 = the judge's default)`);
  checkUniqueIds(items.map((it) => it.itemId), invalidArgument);
  return items.map((item, i) => {
    const name = itemName(i, item.itemId);
    if (item.prefix.length === 0) throw invalidArgument(`${name}.prefix is empty: pass the conversation before the action (system prompt, question, earlier actions and tool results)`);
    item.prefix.forEach((m, j) => {
      if (roleOf(m.role) === undefined) throw invalidArgument(`${name}.prefix[${j}].role is not set: use SYSTEM, USER, ASSISTANT or TOOL`);
    });
    const prefix = toChatTurns(item.prefix);
    const family = familyOf(item.task?.family);
    return { step: family === undefined ? { prefix, action: item.actionText } : { prefix, action: item.actionText, family }, stepIndex: prefix.filter((t) => t.role === 'assistant').length };
  });
}

export interface JudgeStepsDeps extends StepJudgingDeps {
  readonly registry: JudgeRegistry;
  readonly replyMarginMs: number;
}

/** JudgeService.JudgeSteps. */
export function createJudgeStepsHandler(deps: JudgeStepsDeps): (request: JudgeStepsRequest, ctx: CallContext) => Promise<JudgeStepsResponse> {
  return async (request, ctx) => {
    const work = validateJudgeSteps(request);
    const judge = deps.registry.processJudge(request.judgeId);
    const budget = replyBudget(ctx, deps.replyMarginMs);
    try {
      const prepared = await judge.prepare({ samples: request.samples, ...(request.judgeModel === undefined ? {} : { model: request.judgeModel }) }, budget);
      const judged = await judgeStepsCached(judge.id, prepared, work, { bypassCache: request.bypassCache }, budget, deps);
      return { judgments: judged.map((j, i) => ({ itemId: request.items[i]!.itemId, verdict: j.verdict, cacheHit: j.cacheHit })) };
    } finally {
      budget.release();
    }
  };
}
