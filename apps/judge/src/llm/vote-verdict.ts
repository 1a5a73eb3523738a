import { majorityVote, parseVerdict } from '@swirl/judging';

const MAX_RATIONALE_CHARS = 2000;
const cut = (text: string) => (text.length <= MAX_RATIONALE_CHARS ? text : `${text.slice(0, MAX_RATIONALE_CHARS - 1)}…`);

/** The votes of one item counted: the label (undefined = abstain), the counts and a rationale. */
export interface CountedVotes<L extends string> {
  readonly label?: L;
  readonly votes: number;
  readonly counts: Readonly<Record<L, number>>;
  readonly rationale: string;
  /** For an abstention: 'tie' or 'unreadable'. */
  readonly abstainReason?: 'tie' | 'unreadable';
}

/**
 * Reads each sample's free text and takes the majority. The rationale is the explanation of
 * the first vote that agrees with the label; an abstention says why (a tie, or no readable
 * vote, quoting the first sample), so an unparsable judge never passes as a silent GOOD.
 */
export function countVotes<L extends string>(texts: readonly string[], labels: readonly [L, L]): CountedVotes<L> {
  const parsed = texts.map((t) => parseVerdict(t, labels));
  const tally = majorityVote(labels, parsed.map((p) => p.label));
  if (tally.label !== undefined) {
    return { label: tally.label, votes: tally.votes, counts: tally.counts, rationale: cut(parsed[tally.firstAgreeing!]!.rationale) };
  }
  const [a, b] = labels;
  const readable = tally.counts[a] + tally.counts[b];
  if (readable > 0) {
    return { votes: tally.votes, counts: tally.counts, abstainReason: 'tie', rationale: `ABSTAIN: the votes tie (${tally.counts[a]} ${a}, ${tally.counts[b]} ${b}, ${tally.votes - readable} unreadable)` };
  }
  const first = JSON.stringify(cut((texts[0] ?? '').slice(0, 200)));
  return {
    votes: tally.votes,
    counts: tally.counts,
    abstainReason: 'unreadable',
    rationale: `ABSTAIN: none of the ${tally.votes} vote${tally.votes === 1 ? '' : 's'} states ${a} or ${b}; the first said ${first}`,
  };
}
