import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';

/** Windows memoized per skip-special-tokens setting (a few MB of short strings at most). */
const MAX_MEMOIZED_WINDOWS = 1 << 16;
/** Ids memoized are below this (vocabularies have at most a few hundred thousand entries). */
const ID_LIMIT = 2 ** 21;

/**
 * One token: its id; two: (first + 1) * 2^21 + second, so the two never collide (and stay below
 * 2^53). Undefined for longer windows and ids outside [0, 2^21): those are not memoized.
 */
function windowKey(ids: readonly number[]): number | undefined {
  if (ids.length > 2 || !ids.every((id) => Number.isInteger(id) && id >= 0 && id < ID_LIMIT)) return undefined;
  return ids.length === 1 ? ids[0]! : (ids[0]! + 1) * ID_LIMIT + ids[1]!;
}

export interface ChatTurn {
  readonly role: string;
  readonly content: string;
}

/**
 * A model's tokenizer (`tokenizer.json`, Hugging Face format) and chat template (Jinja, from
 * config.json or tokenizer_config.json). Prompts given as chat messages are rendered by the
 * template and encoded without extra special tokens: the template already places them.
 */
export class TextTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly template: Template | undefined;
  private readonly specialTokens: Readonly<Record<string, string>>;
  /**
   * Texts of one- and two-token windows (see `windowKey`), keeping and skipping special tokens.
   * Decoding is a pure function of the ids, and the incremental detokenizer decodes the previous
   * token alone and the previous token with the new one at every step: ~8 us each through the
   * tokenizer, a map lookup once seen.
   */
  private readonly windowTexts = [new Map<number, string>(), new Map<number, string>()] as const;

  constructor(dir: string, chatTemplate: string | undefined) {
    const json = JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8'));
    let config: Record<string, unknown> = {};
    try {
      config = JSON.parse(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8'));
    } catch {
      // Optional: swirl models keep everything in config.json.
    }
    this.tokenizer = new Tokenizer(json, config);
    const template = chatTemplate ?? (typeof config['chat_template'] === 'string' ? (config['chat_template'] as string) : undefined);
    this.template = template === undefined ? undefined : new Template(template);
    const tokenText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null && 'content' in v ? String((v as { content: unknown }).content) : '');
    this.specialTokens = { bos_token: tokenText(config['bos_token']), eos_token: tokenText(config['eos_token']) };
  }

  get hasChatTemplate(): boolean {
    return this.template !== undefined;
  }

  encode(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  decode(ids: readonly number[], skipSpecialTokens = false): string {
    // The JS tokenizer throws on an empty list; no tokens are no text.
    if (ids.length === 0) return '';
    const key = windowKey(ids);
    if (key === undefined) return this.tokenizer.decode([...ids], { skip_special_tokens: skipSpecialTokens });
    const memo = this.windowTexts[skipSpecialTokens ? 1 : 0];
    const known = memo.get(key);
    if (known !== undefined) return known;
    const text = this.tokenizer.decode([...ids], { skip_special_tokens: skipSpecialTokens });
    // Bounded: a large vocabulary has more pairs than are worth keeping; starting over is cheap.
    if (memo.size >= MAX_MEMOIZED_WINDOWS) memo.clear();
    memo.set(key, text);
    return text;
  }

  /** The prompt text for `messages`, ending with the assistant's generation prompt when asked. */
  renderChat(messages: readonly ChatTurn[], addGenerationPrompt: boolean): string {
    if (this.template === undefined) throw new Error('this model has no chat template: send prompt token ids instead of chat messages');
    return this.template.render({ messages: messages.map((m) => ({ role: m.role, content: m.content })), add_generation_prompt: addGenerationPrompt, ...this.specialTokens });
  }
}
