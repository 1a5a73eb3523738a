import { generateWorld, type World } from '../world/generate-world';
import { createWorldTools, type WorldTools } from '../tools/world-tools';

let cached: { world: World; tools: WorldTools } | undefined;

/** The default-size world of seed 1 and its tools, built once per test file (~0.5 s). */
export function sharedWorld(): { world: World; tools: WorldTools } {
  if (!cached) {
    const world = generateWorld({ seed: 1 });
    cached = { world, tools: createWorldTools(world.corpus) };
  }
  return cached;
}

/** Every `step`-th item, for tests that check a spread-out sample rather than everything. */
export function everyNth<T>(items: readonly T[], step: number): T[] {
  return items.filter((_, i) => i % step === 0);
}
