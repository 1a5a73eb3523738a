/** The outcome of k votes. */
export interface VoteTally<L extends string> {
  /** The label with strictly more votes than the other; undefined on a tie or with no readable vote. */
  readonly label?: L;
  /** Number of votes taken (samples), readable or not. */
  readonly votes: number;
  /** Votes for each label. */
  readonly counts: Readonly<Record<L, number>>;
  /** Index of the first vote that agrees with the label (its explanation becomes the rationale). */
  readonly firstAgreeing?: number;
}

/**
 * Majority voting over samples. Unreadable votes count as votes taken but for neither label,
 * so two readable GOOD votes out of five beat one BAD, and no readable vote is an abstention.
 */
export function majorityVote<L extends string>(labels: readonly [L, L], votes: readonly (L | undefined)[]): VoteTally<L> {
  const counts = { [labels[0]]: 0, [labels[1]]: 0 } as Record<L, number>;
  for (const v of votes) if (v !== undefined) counts[v]++;
  const [a, b] = labels;
  const label = counts[a] > counts[b] ? a : counts[b] > counts[a] ? b : undefined;
  if (label === undefined) return { votes: votes.length, counts };
  return { label, votes: votes.length, counts, firstAgreeing: votes.indexOf(label) };
}
