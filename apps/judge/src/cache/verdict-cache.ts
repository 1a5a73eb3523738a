import { LruCache } from './lru-cache';
import type { VerdictStore } from './sqlite-verdict-store';

/** Encoder and decoder of a protobuf message (ts-proto's MessageFns). */
export interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

/**
 * Verdicts by cache key: a bounded in-memory LRU in front of the optional SQLite store. A disk
 * hit is promoted to memory. Values are stored as the protobuf messages the RPCs return, so a
 * cached verdict is returned exactly as it was first produced (its create_time included).
 */
export class VerdictCache<T> {
  private readonly memory: LruCache<string, T>;

  constructor(
    private readonly kind: 'step' | 'outcome',
    private readonly codec: Codec<T>,
    maxEntries: number,
    private readonly store: VerdictStore | undefined,
  ) {
    this.memory = new LruCache(maxEntries);
  }

  get(key: string): T | undefined {
    const hot = this.memory.get(key);
    if (hot !== undefined) return hot;
    const payload = this.store?.get(key);
    if (payload === undefined) return undefined;
    const value = this.codec.decode(payload);
    this.memory.set(key, value);
    return value;
  }

  put(key: string, value: T, judgeId: string, judgeVersion: string): void {
    this.memory.set(key, value);
    this.store?.put({ key, kind: this.kind, judgeId, judgeVersion, payload: this.codec.encode(value).finish() });
  }
}
