import { STOP_SEQUENCES } from './action';
import { parseAction } from './parse-action';
import { actionToToolCall } from './tool-call';

describe('actionToToolCall', () => {
  it('maps searches and calculations to tool calls', () => {
    expect(actionToToolCall(parseAction('<search_query>Velora</search_query>'))).toEqual({ toolName: 'search', arguments: { query: 'Velora' } });
    expect(actionToToolCall(parseAction('<math_exp>1 + 2</math_exp>'))).toEqual({ toolName: 'calculator', arguments: { expression: '1 + 2' } });
  });

  it('has no tool call for answers and malformed turns', () => {
    expect(actionToToolCall(parseAction('<answer>3</answer>'))).toBeUndefined();
    expect(actionToToolCall(parseAction('nothing'))).toBeUndefined();
  });
});

describe('STOP_SEQUENCES', () => {
  it('lists the closing tag of every action', () => {
    expect(STOP_SEQUENCES).toEqual(['</search_query>', '</math_exp>', '</answer>']);
  });
});
