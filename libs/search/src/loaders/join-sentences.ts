/**
 * Rebuilds a paragraph from HotPotQA's sentence list. Sentences after the first usually carry
 * their own leading space (" He lives in ..."), so a plain `join(' ')` would double it; where the
 * sentence splitter left no space at all ("Shastri." + "It is ..."), one is inserted, except
 * before punctuation that continues the previous sentence ('"' closing a quote, say).
 */
export function joinSentences(sentences: readonly string[]): string {
  let text = '';
  for (const sentence of sentences) {
    if (sentence.trim().length === 0) continue;
    const needsSpace = text.length > 0 && !/\s$/.test(text) && !/^[\s\p{P}]/u.test(sentence);
    text += needsSpace ? ` ${sentence}` : sentence;
  }
  return text.trim();
}
