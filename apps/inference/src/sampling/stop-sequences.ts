/**
 * Finds the first stop sequence in generated text. Generation ends right after it: the text is
 * cut at the end of the stop sequence, which stays in the text (the action's closing tag).
 */
export function findStop(text: string, stops: readonly string[], searchFrom: number): { end: number; stop: string } | undefined {
  let best: { end: number; stop: string } | undefined;
  for (const stop of stops) {
    const at = text.indexOf(stop, Math.max(0, searchFrom - stop.length + 1));
    if (at !== -1 && (best === undefined || at + stop.length < best.end)) best = { end: at + stop.length, stop };
  }
  return best;
}
