import type { JudgeRef, ModelRef } from '../domain/model-ref';
import { InvalidStoreInputError } from '../errors/store-error';
import { checkNonEmpty } from './input-checks';

export function validateModelRef(field: string, model: ModelRef | undefined): ModelRef {
  if (typeof model !== 'object' || model === null) throw new InvalidStoreInputError(`${field} must be { name, version }`);
  return { name: checkNonEmpty(`${field}.name`, model.name), version: checkNonEmpty(`${field}.version`, model.version) };
}

export function validateJudgeRef(field: string, judge: JudgeRef | undefined): JudgeRef {
  if (typeof judge !== 'object' || judge === null) throw new InvalidStoreInputError(`${field} must be { id, version }`);
  return { id: checkNonEmpty(`${field}.id`, judge.id), version: checkNonEmpty(`${field}.version`, judge.version) };
}
