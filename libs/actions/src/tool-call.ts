import type { ParsedAction } from './action';

/** A tool call in the shape of the tools service's request: the tool's name and its arguments. */
export type ToolCall =
  | { readonly toolName: 'search'; readonly arguments: { readonly query: string } }
  | { readonly toolName: 'calculator'; readonly arguments: { readonly expression: string } };

/** The tool call an action asks for, or undefined for answers and malformed turns. */
export function actionToToolCall(action: ParsedAction): ToolCall | undefined {
  switch (action.kind) {
    case 'search':
      return { toolName: 'search', arguments: { query: action.query } };
    case 'calculate':
      return { toolName: 'calculator', arguments: { expression: action.expression } };
    default:
      return undefined;
  }
}
