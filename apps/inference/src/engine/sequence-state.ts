import { FinishReason } from '@swirl/proto/common';
import type { TextTokenizer } from '../tokenizer/text-tokenizer';
import { IncrementalDetokenizer } from './incremental-detokenizer';
import { findStop } from '../sampling/stop-sequences';
import { SeededRandom } from '../sampling/seeded-random';
import type { SamplingConfig } from '../sampling/sample-token';

/** One sample being generated: its tokens so far, its random stream and why it ended. */
export class SequenceState {
  readonly tokenIds: number[] = [];
  readonly logprobs: number[] = [];
  /** Settled text so far; pieces still unsettled (a split multi-byte character) are not in it yet. */
  text = '';
  private readonly detokenizer: IncrementalDetokenizer;
  finishReason: FinishReason | undefined;
  matchedStop = '';
  readonly random: SeededRandom;

  constructor(
    readonly index: number,
    readonly seed: bigint,
    readonly sampling: SamplingConfig,
    private readonly maxNewTokens: number,
    private readonly stops: readonly string[],
    private readonly eosTokenIds: readonly number[],
    private readonly ignoreEos: boolean,
    tokenizer: TextTokenizer,
  ) {
    this.random = new SeededRandom(seed);
    this.detokenizer = new IncrementalDetokenizer(tokenizer, new Set(eosTokenIds));
  }

  /** Tokens it may still generate at most (it can end sooner: EOS, a stop sequence). */
  get tokensLeft(): number {
    return this.maxNewTokens - this.tokenIds.length;
  }

  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  /**
   * Appends a sampled token, decides whether the sequence is done, and returns the text the
   * token added (possibly empty while a multi-byte character is incomplete).
   */
  accept(tokenId: number, logprob: number, contextLeft: number): string {
    this.tokenIds.push(tokenId);
    this.logprobs.push(logprob);
    if (this.eosTokenIds.includes(tokenId) && !this.ignoreEos) {
      this.finishReason = FinishReason.FINISH_REASON_EOS;
    } else if (this.tokenIds.length >= this.maxNewTokens) {
      this.finishReason = FinishReason.FINISH_REASON_MAX_TOKENS;
    } else if (contextLeft <= 0) {
      this.finishReason = FinishReason.FINISH_REASON_CONTEXT_LENGTH;
    }
    const before = this.text.length;
    const piece = this.detokenizer.next(this.tokenIds, this.finished);
    const stop = findStop(this.text + piece, this.stops, before);
    if (stop === undefined) {
      this.text += piece;
      return piece;
    }
    // The stop sequence wins over any other reason that ended this same token.
    this.text = (this.text + piece).slice(0, stop.end);
    this.finishReason = FinishReason.FINISH_REASON_STOP_SEQUENCE;
    this.matchedStop = stop.stop;
    return this.text.slice(before);
  }
}
