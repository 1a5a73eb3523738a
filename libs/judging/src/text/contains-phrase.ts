const normalised = new Map<string, string>();

/** Lower case, possessive 's dropped, punctuation as spaces, padded: " roger o egeberg ". */
function normalise(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    n = ` ${text.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
    if (normalised.size > 20_000) normalised.clear();
    normalised.set(text, n);
  }
  return n;
}

/**
 * Whether `text` contains `phrase` as whole words, ignoring case, punctuation and possessives
 * ("Roger O. Egeberg" contains "Roger O Egeberg"; "Pirate's Cove" contains "Pirate Cove").
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = normalise(phrase);
  return p.trim().length > 0 && normalise(text).includes(p);
}
