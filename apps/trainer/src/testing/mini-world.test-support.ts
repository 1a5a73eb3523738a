/**
 * A small, seeded question-answering world for trainer tests: lower-case questions a tiny
 * policy can learn to answer in two steps (one search, one answer) within seconds of training,
 * so that its samples are a mix of well-formed, judged-GOOD actions and malformed ones. The
 * embedded world's prompts are ~1000 tokens, too long for a model trained inside a test.
 */
export const MINI_SYSTEM_PROMPT = 'Search with <search_query>Q</search_query>, then reply <answer>A</answer>.';

const ADJECTIVES = ['longest', 'highest', 'oldest', 'largest', 'deepest', 'widest'];
const TOPICS = ['river', 'mountain', 'lake', 'forest', 'bridge', 'tower'];
const REGIONS = ['north valley', 'east coast', 'south plain', 'west hills', 'river delta', 'high moor'];
const NAMES = ['Varn', 'Kelo', 'Turi', 'Masa', 'Dern', 'Olin', 'Pavo', 'Sige'];

export interface MiniStep {
  readonly action: string;
  /** `QUERY -> RESULT` for the search; absent for the answer. */
  readonly observation?: string;
}

export interface MiniTrajectory {
  readonly questionId: string;
  readonly question: string;
  readonly answer: string;
  readonly steps: readonly MiniStep[];
}

/** `n` trajectories, the same for the same seed. */
export function miniWorld(n: number, seed = 1): MiniTrajectory[] {
  let state = seed >>> 0 || 1;
  const pick = <T>(items: readonly T[]): T => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return items[state % items.length]!;
  };
  return Array.from({ length: n }, (_, i) => {
    const [adjective, topic, region, name] = [pick(ADJECTIVES), pick(TOPICS), pick(REGIONS), pick(NAMES)];
    const query = `${adjective} ${topic} ${region}`;
    return {
      questionId: `mini/train/${i}`,
      question: `which ${topic} is the ${adjective} in the ${region}?`,
      answer: name,
      steps: [
        { action: `Searching. <search_query>${query}</search_query>`, observation: `${query} -> ${name}: the ${adjective} ${topic} of the ${region}.` },
        { action: `Found it. <answer>${name}</answer>` },
      ],
    };
  });
}

/** The conversation of a trajectory as the policy sees it (system prompt, question, steps). */
export function miniConversation(t: MiniTrajectory): { role: 'system' | 'user' | 'assistant'; content: string }[] {
  const messages: { role: 'system' | 'user' | 'assistant'; content: string }[] = [
    { role: 'system', content: MINI_SYSTEM_PROMPT },
    { role: 'user', content: `Question: ${t.question}` },
  ];
  for (const step of t.steps) {
    messages.push({ role: 'assistant', content: step.action });
    if (step.observation !== undefined) messages.push({ role: 'user', content: step.observation });
  }
  return messages;
}
