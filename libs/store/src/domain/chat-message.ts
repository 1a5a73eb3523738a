/** Who wrote a chat message (SWiRL renders tool results as `user` turns). */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export const CHAT_ROLES: readonly ChatRole[] = Object.freeze(['system', 'user', 'assistant', 'tool']);

/** One chat message before the chat template is applied. */
export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}
