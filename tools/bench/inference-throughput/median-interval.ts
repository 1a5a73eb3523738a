import { SeededRandom } from '../../../apps/inference/src/sampling/seeded-random';
import { median } from './bench-args';

/** A median and the range it would likely fall in if the measurement were repeated. */
export interface MedianInterval {
  readonly median: number;
  /** 2.5th and 97.5th percentiles of the bootstrap medians: a 95% interval. */
  readonly low: number;
  readonly high: number;
}

/**
 * The median of all values in `groups`, with a 95% interval from a cluster bootstrap: `resamples`
 * draws of as many groups with replacement (seeded, so a run's output follows from its data), the
 * median of each draw's values, then their 2.5th and 97.5th percentiles. Whole groups are drawn
 * because values of one group (the passes of one round) were measured seconds apart and drift
 * together; drawing them one by one would make the interval look tighter than it is. It answers
 * "is this ratio above the target, or only this run's luck": on this VM one pass's 1-client
 * ratio ranges over +-30%.
 */
export function medianInterval(groups: readonly (readonly number[])[], resamples = 4000, seed = 1): MedianInterval {
  const all = groups.flat();
  if (all.length === 0) throw new Error('medianInterval needs at least one value');
  const random = new SeededRandom(seed);
  const medians = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const draw: number[] = [];
    for (let g = 0; g < groups.length; g++) draw.push(...groups[Math.floor(random.next() * groups.length)]!);
    // A draw of empty groups only: it carries no value, so it counts as the median of all.
    medians[b] = draw.length > 0 ? median(draw) : median(all);
  }
  medians.sort();
  return { median: median(all), low: medians[Math.floor(0.025 * (resamples - 1))]!, high: medians[Math.ceil(0.975 * (resamples - 1))]! };
}
