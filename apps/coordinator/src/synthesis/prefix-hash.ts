import { createHash } from 'node:crypto';
import type { ChatMessage } from '@swirl/store';

/**
 * PrefixRef.hash: hex SHA-256 of the canonical prefix, the prompt version and the messages
 * (role and content, in order). Length-prefixed fields, so no two prefixes share a hash input.
 */
export function prefixHash(promptVersion: string, messages: readonly ChatMessage[]): string {
  const hash = createHash('sha256');
  const field = (text: string) => hash.update(`${Buffer.byteLength(text)}:`).update(text);
  field(promptVersion);
  for (const m of messages) {
    field(m.role);
    field(m.content);
  }
  return hash.digest('hex');
}
