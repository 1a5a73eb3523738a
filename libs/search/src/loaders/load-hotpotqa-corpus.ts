import type { SearchDocument } from '../corpus/search-document';
import { expectArray, expectObject, expectString } from './json-shape';
import { joinSentences } from './join-sentences';
import { readJsonFile } from './read-json-file';

/**
 * Pools the context paragraphs of HotPotQA examples in the distractor format
 * (`[{ context: [[title, [sentence, ...]], ...], ... }]`) into one corpus. HotPotQA paragraphs
 * are Wikipedia lead paragraphs, one per article, so a title identifies a paragraph: repeats
 * across examples become one document whose id is the title (first occurrence wins).
 */
export function parseHotpotqaCorpus(json: unknown, file: string): SearchDocument[] {
  const byTitle = new Map<string, SearchDocument>();
  expectArray(json, file, '').forEach((rawExample, e) => {
    const example = expectObject(rawExample, file, `[${e}]`);
    expectArray(example.context, file, `[${e}].context`).forEach((rawParagraph, p) => {
      const where = `[${e}].context[${p}]`;
      const paragraph = expectArray(rawParagraph, file, where);
      const title = expectString(paragraph[0], file, `${where}[0]`);
      const sentences = expectArray(paragraph[1], file, `${where}[1]`).map((s, i) => expectString(s, file, `${where}[1][${i}]`));
      if (!byTitle.has(title)) byTitle.set(title, { id: title, title, text: joinSentences(sentences) });
    });
  });
  return [...byTitle.values()];
}

export async function loadHotpotqaCorpus(file: string): Promise<SearchDocument[]> {
  return parseHotpotqaCorpus(await readJsonFile(file), file);
}
