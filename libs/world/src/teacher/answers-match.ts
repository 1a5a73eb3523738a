const NUMBER = /^[-+]?\d+(\.\d+)?$/;

function normalise(text: string): string {
  return text.trim().replace(/[.\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** Numbers lose `$`, thousands separators and trailing zeros, so `$1,000.00` matches `1000`. */
function asNumber(text: string): number | undefined {
  const bare = normalise(text).replace(/^\$/, '').replace(/,(?=\d{3}\b)/g, '');
  return NUMBER.test(bare) ? Number(bare) : undefined;
}

/** Whether an answer matches the gold answer, as an outcome grader of the world would judge it. */
export function answersMatch(answer: string, gold: string): boolean {
  const [a, b] = [asNumber(answer), asNumber(gold)];
  if (a !== undefined && b !== undefined) return a === b;
  return normalise(answer) === normalise(gold);
}
