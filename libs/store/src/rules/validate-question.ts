import { QUESTION_SOURCES, TASK_FAMILIES, type Question } from '../domain/question';
import { checkId, checkJsonObject, checkNonEmpty, checkOneOf, checkStringList } from './input-checks';

/** Checks a question and returns its columns; the metadata as canonical JSON. */
export function validateQuestion(question: Question, field: string) {
  return {
    id: checkId(`${field}.id`, question.id),
    source: checkOneOf(`${field}.source`, question.source, QUESTION_SOURCES),
    family: checkOneOf(`${field}.family`, question.family, TASK_FAMILIES),
    split: checkNonEmpty(`${field}.split`, question.split),
    text: checkNonEmpty(`${field}.text`, question.text),
    goldAnswers: JSON.stringify(checkStringList(`${field}.goldAnswers`, question.goldAnswers)),
    metadata: checkJsonObject(`${field}.metadata`, question.metadata),
  };
}

export type QuestionColumns = ReturnType<typeof validateQuestion>;
