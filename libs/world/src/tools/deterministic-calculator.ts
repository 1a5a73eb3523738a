import { createCalculator } from '@swirl/calculator';

/**
 * The real calculator with a clock that never advances. Its 50 ms time budget guards a
 * service against hostile input, but on a busy machine (GC pauses) even `5 * 5` can exceed
 * it, and a world must not depend on timing. World expressions are tiny, so nothing is lost.
 */
export const deterministicCalculate = createCalculator({ clock: () => 0 });
