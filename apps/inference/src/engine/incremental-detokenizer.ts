import type { TextTokenizer } from '../tokenizer/text-tokenizer';

/**
 * Turns a growing list of token ids into text pieces without decoding the whole list at every
 * token. It decodes only a short window: from the token after the last settled piece, with one
 * token of context before it (tokenizers that merge spaces or bytes need it). A piece ending in
 * U+FFFD may be a multi-byte character still incomplete, so it waits for the next token.
 */
export class IncrementalDetokenizer {
  private prefixOffset = 0;
  private readOffset = 0;

  constructor(
    private readonly tokenizer: TextTokenizer,
    /** Ids that never show in text (end-of-sequence markers). */
    private readonly hidden: ReadonlySet<number>,
  ) {}

  /** The text `ids` (the whole generation so far, newest last) adds, or '' while it is unsettled. */
  next(ids: readonly number[], final: boolean): string {
    const visible = (from: number, to: number) => ids.slice(from, to).filter((t) => !this.hidden.has(t));
    const prefix = this.tokenizer.decode(visible(this.prefixOffset, this.readOffset), true);
    const full = this.tokenizer.decode(visible(this.prefixOffset, ids.length), true);
    if (full.length <= prefix.length || (!final && full.endsWith('\uFFFD'))) return '';
    this.prefixOffset = this.readOffset;
    this.readOffset = ids.length;
    return full.slice(prefix.length);
  }
}
