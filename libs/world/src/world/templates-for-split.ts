import type { Split } from '../knowledge/entities';

/** Train sees only templates that are not held out; dev and test see all of them. */
export function templatesForSplit<T extends { heldOut: boolean }>(templates: readonly T[], split: Split): readonly T[] {
  return split === 'train' ? templates.filter((t) => !t.heldOut) : templates;
}
