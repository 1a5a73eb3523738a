import { ChatRole, type ChatMessage as ProtoChatMessage } from '@swirl/proto';
import type { ChatMessage, ChatRole as StoreChatRole } from '@swirl/store';

const TO_PROTO: Readonly<Record<StoreChatRole, ChatRole>> = {
  system: ChatRole.CHAT_ROLE_SYSTEM,
  user: ChatRole.CHAT_ROLE_USER,
  assistant: ChatRole.CHAT_ROLE_ASSISTANT,
  tool: ChatRole.CHAT_ROLE_TOOL,
};

export function chatMessagesToProto(messages: readonly ChatMessage[]): ProtoChatMessage[] {
  return messages.map((m) => ({ role: TO_PROTO[m.role], content: m.content }));
}
