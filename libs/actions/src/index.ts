export { ACTION_TAGS, STOP_SEQUENCES, actionContent } from './action';
export type {
  ActionKind,
  AnswerAction,
  CalculateAction,
  MalformedAction,
  MalformedProblem,
  ParsedAction,
  SearchAction,
  ToolAction,
  WellFormedAction,
} from './action';
export { MALFORMED_MESSAGES } from './malformed-problem';
export { parseAction } from './parse-action';
export { formatAction } from './format-action';
export { OBSERVATION_LINE_SEPARATOR, formatObservation } from './format-observation';
export { actionToToolCall } from './tool-call';
export type { ToolCall } from './tool-call';
