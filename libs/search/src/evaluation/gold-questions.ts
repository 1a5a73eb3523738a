import type { SearchDocument } from '../corpus/search-document';
import { expectArray, expectObject, expectString, expectStringField } from '../loaders/json-shape';
import { musiqueParagraphKey } from '../loaders/load-musique-corpus';
import { CorpusFormatError } from '../loaders/corpus-source-error';
import type { GoldQuestion } from './retrieval-recall';

/**
 * HotPotQA questions with their gold paragraphs: the titles named in `supporting_facts`, which
 * are also the document ids of a corpus built by `loadHotpotqaCorpus`.
 */
export function hotpotqaGoldQuestions(json: unknown, file: string): GoldQuestion[] {
  return expectArray(json, file, '').map((raw, e) => {
    const example = expectObject(raw, file, `[${e}]`);
    const titles = expectArray(example.supporting_facts, file, `[${e}].supporting_facts`).map((fact, f) =>
      expectString(expectArray(fact, file, `[${e}].supporting_facts[${f}]`)[0], file, `[${e}].supporting_facts[${f}][0]`),
    );
    return { question: expectStringField(example, 'question', file, `[${e}]`), goldDocIds: [...new Set(titles)] };
  });
}

/**
 * MuSiQue questions with their gold paragraphs (`is_supporting: true`), mapped to the ids that
 * `loadMusiqueCorpus` gave those paragraphs in `documents`.
 */
export function musiqueGoldQuestions(json: unknown, file: string, documents: readonly SearchDocument[]): GoldQuestion[] {
  const idByKey = new Map(documents.map((doc) => [musiqueParagraphKey(doc.title, doc.text), doc.id]));
  return expectArray(json, file, '').map((raw, e) => {
    const example = expectObject(raw, file, `[${e}]`);
    const goldDocIds = expectArray(example.paragraphs, file, `[${e}].paragraphs`).flatMap((rawParagraph, p) => {
      const where = `[${e}].paragraphs[${p}]`;
      const paragraph = expectObject(rawParagraph, file, where);
      if (paragraph.is_supporting !== true) return [];
      const key = musiqueParagraphKey(expectStringField(paragraph, 'title', file, where), expectStringField(paragraph, 'paragraph_text', file, where));
      const id = idByKey.get(key);
      if (id === undefined) throw new CorpusFormatError(file, where, 'supporting paragraph is not in the corpus');
      return [id];
    });
    return { question: expectStringField(example, 'question', file, `[${e}]`), goldDocIds: [...new Set(goldDocIds)] };
  });
}
