import { CHAT_ROLES, type ChatMessage } from '../domain/chat-message';
import { InvalidStoreInputError } from '../errors/store-error';
import { checkOneOf, checkString } from './input-checks';

/** A non-empty list of chat messages; returned as JSON text. */
export function validateChatMessages(field: string, messages: readonly ChatMessage[]): string {
  if (!Array.isArray(messages) || messages.length === 0) throw new InvalidStoreInputError(`${field} must be a non-empty array of chat messages`);
  const clean = messages.map((message, i) => ({
    role: checkOneOf(`${field}[${i}].role`, message?.role, CHAT_ROLES),
    content: checkString(`${field}[${i}].content`, message?.content),
  }));
  return JSON.stringify(clean);
}
