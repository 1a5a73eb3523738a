import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Domain series of the judge service, in the server's registry. */
export interface JudgeMetrics {
  /** Verdicts returned, by judge and verdict (good, bad, abstain, yes, no), cache hits included. */
  readonly verdicts: Counter<'judge' | 'verdict'>;
  /** Time to produce one fresh verdict (not cache hits). */
  readonly seconds: Histogram<'judge'>;
  /** Cache lookups by judge and result (hit, miss). */
  readonly cacheLookups: Counter<'judge' | 'result'>;
  /** Process verdicts by the step's index in its trajectory, and how many were GOOD. */
  readonly stepsJudged: Counter<'step_index'>;
  readonly stepsAccepted: Counter<'step_index'>;
  /** LLM items that ended without a verdict, by reason (timeout, unreadable, tie, context). */
  readonly abstentions: Counter<'judge' | 'reason'>;
}

/** Step indices past this share one label, so the label set stays bounded. */
export const MAX_STEP_INDEX_LABEL = 10;
export const stepIndexLabel = (index: number) => (index >= MAX_STEP_INDEX_LABEL ? `${MAX_STEP_INDEX_LABEL}+` : String(index));

async function valuesOf(counter: Counter<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const v of (await counter.get()).values) out.set(JSON.stringify(v.labels), v.value);
  return out;
}

export function createJudgeMetrics(registry: Registry): JudgeMetrics {
  const registers = [registry];
  const cacheLookups = new Counter({ name: 'swirl_judge_cache_lookups_total', help: 'Verdict cache lookups by judge and result (hit, miss).', labelNames: ['judge', 'result'], registers });
  const stepsJudged = new Counter({ name: 'swirl_judge_steps_total', help: 'Process verdicts by step index (10+ = 10 and later).', labelNames: ['step_index'], registers });
  const stepsAccepted = new Counter({ name: 'swirl_judge_steps_accepted_total', help: 'GOOD process verdicts by step index (10+ = 10 and later).', labelNames: ['step_index'], registers });
  new Gauge({
    name: 'swirl_judge_cache_hit_ratio',
    help: 'Share of verdict cache lookups that hit, by judge, since start.',
    labelNames: ['judge'],
    registers,
    async collect() {
      this.reset();
      const counts = await valuesOf(cacheLookups);
      const judges = new Set([...counts.keys()].map((k) => (JSON.parse(k) as { judge: string }).judge));
      for (const judge of judges) {
        const hit = counts.get(JSON.stringify({ judge, result: 'hit' })) ?? 0;
        const miss = counts.get(JSON.stringify({ judge, result: 'miss' })) ?? 0;
        if (hit + miss > 0) this.set({ judge }, hit / (hit + miss));
      }
    },
  });
  new Gauge({
    name: 'swirl_judge_step_accept_rate',
    help: 'Share of process verdicts that are GOOD, by step index, since start.',
    labelNames: ['step_index'],
    registers,
    async collect() {
      this.reset();
      const judged = await valuesOf(stepsJudged);
      const accepted = await valuesOf(stepsAccepted);
      for (const [key, n] of judged) if (n > 0) this.set(JSON.parse(key) as { step_index: string }, (accepted.get(key) ?? 0) / n);
    },
  });
  return {
    verdicts: new Counter({ name: 'swirl_judge_verdicts_total', help: 'Verdicts returned, by judge and verdict (good, bad, abstain, yes, no).', labelNames: ['judge', 'verdict'], registers }),
    seconds: new Histogram({
      name: 'swirl_judge_verdict_seconds',
      help: 'Time to produce one fresh verdict (cache hits excluded), by judge.',
      labelNames: ['judge'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    cacheLookups,
    stepsJudged,
    stepsAccepted,
    abstentions: new Counter({ name: 'swirl_judge_abstentions_total', help: 'LLM items without a verdict, by judge and reason (timeout, unreadable, tie, context).', labelNames: ['judge', 'reason'], registers }),
  };
}
