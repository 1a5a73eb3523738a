import { actionHash, prefixHash, stepVerdictKey, type StepToJudge } from '@swirl/judging';
import { VerdictLabel, type Verdict } from '@swirl/proto';
import type { VerdictCache } from '../cache/verdict-cache';
import { stepIndexLabel, type JudgeMetrics } from '../judge-metrics';
import type { PreparedProcessJudge } from '../judges/process-judge';
import { verdictLabelName } from './proto-mapping';
import type { ReplyBudget } from './reply-budget';

/** A step to judge and its index in its trajectory (for the accept-rate metric). */
export interface StepWork {
  readonly step: StepToJudge;
  readonly stepIndex: number;
}

export interface JudgedStep {
  readonly verdict: Verdict;
  readonly cacheHit: boolean;
}

export interface StepJudgingDeps {
  readonly stepCache: VerdictCache<Verdict>;
  readonly metrics: JudgeMetrics;
}

/**
 * Judges steps with a prepared judge through the verdict cache: a verdict of the same judge
 * version, votes, prefix and action is reused (unless `bypassCache`), a fresh one is stored
 * (unless it was cut short by a deadline). All items run at once; an LLM judge's limiter
 * bounds how many reach the backend.
 */
export async function judgeStepsCached(
  judgeId: string,
  judge: PreparedProcessJudge,
  work: readonly StepWork[],
  options: { readonly bypassCache: boolean },
  budget: ReplyBudget,
  deps: StepJudgingDeps,
): Promise<JudgedStep[]> {
  const { stepCache: cache, metrics } = deps;
  const judged = await Promise.all(
    work.map(async ({ step }): Promise<JudgedStep> => {
      const key = stepVerdictKey({ judgeId, judgeVersion: judge.version, samples: judge.samples, prefixHash: prefixHash(step.prefix), actionHash: actionHash(step.action), ...(step.family === undefined ? {} : { family: step.family }) });
      if (!options.bypassCache) {
        const cached = cache.get(key);
        metrics.cacheLookups.inc({ judge: judgeId, result: cached === undefined ? 'miss' : 'hit' });
        if (cached !== undefined) return { verdict: cached, cacheHit: true };
      }
      const started = performance.now();
      const fresh = await judge.judge(step, key, budget);
      metrics.seconds.observe({ judge: judgeId }, (performance.now() - started) / 1000);
      if (fresh.abstainReason !== undefined) metrics.abstentions.inc({ judge: judgeId, reason: fresh.abstainReason });
      if (fresh.cacheable) cache.put(key, fresh.verdict, judgeId, judge.version);
      return { verdict: fresh.verdict, cacheHit: false };
    }),
  );
  judged.forEach(({ verdict }, i) => {
    metrics.verdicts.inc({ judge: judgeId, verdict: verdictLabelName(verdict.label) });
    const index = stepIndexLabel(work[i]!.stepIndex);
    metrics.stepsJudged.inc({ step_index: index });
    if (verdict.label === VerdictLabel.VERDICT_LABEL_GOOD) metrics.stepsAccepted.inc({ step_index: index });
  });
  return judged;
}
