import type { ChatRole as Role, ChatTurn, TaskFamily as Family } from '@swirl/judging';
import { ChatRole, OutcomeGrader, TaskFamily, VerdictLabel, type ChatMessage } from '@swirl/proto';

const ROLE_OF: ReadonlyMap<ChatRole, Role> = new Map([
  [ChatRole.CHAT_ROLE_SYSTEM, 'system'],
  [ChatRole.CHAT_ROLE_USER, 'user'],
  [ChatRole.CHAT_ROLE_ASSISTANT, 'assistant'],
  [ChatRole.CHAT_ROLE_TOOL, 'tool'],
]);
const ROLE_TO: Readonly<Record<Role, ChatRole>> = {
  system: ChatRole.CHAT_ROLE_SYSTEM,
  user: ChatRole.CHAT_ROLE_USER,
  assistant: ChatRole.CHAT_ROLE_ASSISTANT,
  tool: ChatRole.CHAT_ROLE_TOOL,
};

/** The role of a proto message, or undefined when it is not set (the caller rejects that). */
export const roleOf = (role: ChatRole): Role | undefined => ROLE_OF.get(role);

export const toChatTurns = (messages: readonly ChatMessage[]): ChatTurn[] => messages.map((m) => ({ role: roleOf(m.role)!, content: m.content }));
export const toChatMessages = (turns: readonly ChatTurn[]): ChatMessage[] => turns.map((t) => ({ role: ROLE_TO[t.role], content: t.content }));

export function familyOf(family: TaskFamily | undefined): Family | undefined {
  if (family === TaskFamily.TASK_FAMILY_MATH) return 'math';
  if (family === TaskFamily.TASK_FAMILY_MULTI_HOP_QA) return 'multihop';
  return undefined;
}

/** Lower-case label for metrics and logs. */
export function verdictLabelName(label: VerdictLabel): 'good' | 'bad' | 'abstain' {
  return label === VerdictLabel.VERDICT_LABEL_GOOD ? 'good' : label === VerdictLabel.VERDICT_LABEL_BAD ? 'bad' : 'abstain';
}

/** The grader a request resolves to: the family default for UNSPECIFIED (numeric for math). */
export function resolveGrader(requested: OutcomeGrader, family: Family | undefined): OutcomeGrader {
  if (requested !== OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED) return requested;
  return family === 'math' ? OutcomeGrader.OUTCOME_GRADER_NUMERIC : OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH;
}
