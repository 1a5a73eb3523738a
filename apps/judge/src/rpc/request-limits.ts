/** Limits the contract sets (protos/swirl/v1/judge.proto). */
export const REQUEST_LIMITS = Object.freeze({
  maxStepItems: 256,
  maxOutcomeItems: 1024,
  maxTrajectories: 1000,
  maxSamples: 16,
});

/** "items[3] ("traj-1/2")": how a message names an item. */
export const itemName = (i: number, id: string) => (id === '' ? `items[${i}]` : `items[${i}] ("${id}")`);

/** Rejects a duplicate non-empty id, naming both positions. */
export function checkUniqueIds(ids: readonly string[], fail: (message: string) => Error): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === '') return;
    const first = seen.get(id);
    if (first !== undefined) throw fail(`item_id "${id}" is used by items[${first}] and items[${i}]; ids must be unique within a request (or empty)`);
    seen.set(id, i);
  });
}
