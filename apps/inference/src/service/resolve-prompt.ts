import { invalidArgument } from '@swirl/grpc-kit';
import { ChatRole, type ChatMessages, type TokenIds } from '@swirl/proto';
import type { DecoderFiles } from '../model/onnx-decoder';

const ROLE_NAMES = new Map<ChatRole, string>([
  [ChatRole.CHAT_ROLE_SYSTEM, 'system'],
  [ChatRole.CHAT_ROLE_USER, 'user'],
  [ChatRole.CHAT_ROLE_ASSISTANT, 'assistant'],
]);

export type PromptInput = { $case: 'chat'; value: ChatMessages } | { $case: 'promptTokenIds'; value: TokenIds } | undefined;

/** Prompt token ids from chat messages (through the chat template) or raw ids (checked against the vocabulary). */
export function resolvePrompt(input: PromptInput, decoder: Pick<DecoderFiles, 'config' | 'tokenizer'>): { ids: number[]; renderedText: string } {
  if (input === undefined) throw invalidArgument('the prompt is required: set chat (messages) or prompt_token_ids');
  const { config, tokenizer } = decoder;
  let ids: number[];
  let renderedText = '';
  if (input.$case === 'chat') {
    if (input.value.messages.length === 0) throw invalidArgument('chat.messages is empty: send at least one message');
    const messages = input.value.messages.map((m, i) => {
      const role = ROLE_NAMES.get(m.role);
      if (role === undefined) throw invalidArgument(`chat.messages[${i}].role must be SYSTEM, USER or ASSISTANT`);
      return { role, content: m.content };
    });
    if (!tokenizer.hasChatTemplate) throw invalidArgument('this model has no chat template: send prompt_token_ids instead of chat messages');
    renderedText = tokenizer.renderChat(messages, true);
    ids = tokenizer.encode(renderedText);
  } else {
    ids = input.value.ids;
    if (ids.length === 0) throw invalidArgument('prompt_token_ids is empty');
    const bad = ids.findIndex((t) => t >= config.vocabSize);
    if (bad !== -1) throw invalidArgument(`prompt_token_ids[${bad}] = ${ids[bad]} is outside the vocabulary (0..${config.vocabSize - 1})`);
  }
  if (ids.length >= config.maxPositions) {
    throw invalidArgument(`the prompt has ${ids.length} tokens; this model's context holds ${config.maxPositions}, so the prompt must be shorter to leave room to generate`);
  }
  return { ids, renderedText };
}
