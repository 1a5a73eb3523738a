import { outcomeVerdictKey } from '@swirl/judging';
import { OutcomeLabel, type OutcomeVerdict } from '@swirl/proto';
import type { VerdictCache } from '../cache/verdict-cache';
import type { JudgeMetrics } from '../judge-metrics';
import type { AnswerToGrade, PreparedGrader } from '../judges/outcome-grader';
import type { ReplyBudget } from './reply-budget';

export interface GradedOutcome {
  readonly verdict: OutcomeVerdict;
  readonly cacheHit: boolean;
}

export interface OutcomeGradingDeps {
  readonly outcomeCache: VerdictCache<OutcomeVerdict>;
  readonly metrics: JudgeMetrics;
}

/** Grades answers with a prepared grader through the verdict cache (as judgeStepsCached does for steps). */
export async function gradeOutcomesCached(
  graderId: string,
  grader: PreparedGrader,
  items: readonly AnswerToGrade[],
  options: { readonly bypassCache: boolean },
  budget: ReplyBudget,
  deps: OutcomeGradingDeps,
): Promise<GradedOutcome[]> {
  const { outcomeCache: cache, metrics } = deps;
  return Promise.all(
    items.map(async (item): Promise<GradedOutcome> => {
      const key = outcomeVerdictKey({
        graderId,
        graderVersion: grader.version,
        samples: grader.samples,
        f1Threshold: item.f1Threshold,
        predicted: item.predicted,
        golds: item.golds,
        question: grader.readsQuestion ? item.question : '',
        ...(item.family === undefined ? {} : { family: item.family }),
      });
      let result: GradedOutcome | undefined;
      if (!options.bypassCache) {
        const cached = cache.get(key);
        metrics.cacheLookups.inc({ judge: graderId, result: cached === undefined ? 'miss' : 'hit' });
        if (cached !== undefined) result = { verdict: cached, cacheHit: true };
      }
      if (result === undefined) {
        const started = performance.now();
        const fresh = await grader.grade(item, key, budget);
        metrics.seconds.observe({ judge: graderId }, (performance.now() - started) / 1000);
        if (fresh.abstainReason !== undefined) metrics.abstentions.inc({ judge: graderId, reason: fresh.abstainReason });
        if (fresh.cacheable) cache.put(key, fresh.verdict, graderId, grader.version);
        result = { verdict: fresh.verdict, cacheHit: false };
      }
      metrics.verdicts.inc({ judge: graderId, verdict: result.verdict.label === OutcomeLabel.OUTCOME_LABEL_YES ? 'yes' : 'no' });
      return result;
    }),
  );
}
