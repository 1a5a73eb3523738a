import type { Duration } from './gen/google/protobuf/duration';

/** A google.protobuf.Duration from milliseconds (may be fractional; negative values allowed). */
export function durationFromMs(ms: number): Duration {
  if (!Number.isFinite(ms)) throw new RangeError(`duration must be finite, got ${ms}`);
  const totalNanos = Math.round(ms * 1e6);
  const seconds = Math.trunc(totalNanos / 1e9) + 0; // `+ 0` turns -0 into 0
  return { seconds, nanos: totalNanos - seconds * 1e9 + 0 };
}

/** Milliseconds of a google.protobuf.Duration; `undefined` (unset) stays `undefined`. */
export function durationToMs(duration: Duration | undefined): number | undefined {
  if (duration === undefined) return undefined;
  return duration.seconds * 1000 + duration.nanos / 1e6;
}
