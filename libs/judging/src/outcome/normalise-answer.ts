/**
 * SQuAD-style answer normalisation: case and accents folded, punctuation and the articles a/an/the removed,
 * whitespace collapsed. Thousands separators inside numbers go too ("1,000" -> "1000").
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKD')
    // Accents and case folded beyond toLowerCase: "Rodriguez" matches "Rodríguez", "GROSSE"
    // "große", "RAYONI" "rayonı".
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tokens of the normalised answer. */
export function answerTokens(text: string): string[] {
  const normalised = normaliseAnswer(text);
  return normalised === '' ? [] : normalised.split(' ');
}
