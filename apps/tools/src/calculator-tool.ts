import { calculate, DEFAULT_CALCULATOR_LIMITS } from '@swirl/calculator';
import type { Tool, ToolOutcome } from './tool';

/** The calculator behind `<math_exp>` actions: exact arithmetic, bounded in size and time. */
export function createCalculatorTool(): Tool {
  return {
    name: 'calculator',
    description:
      'Evaluates an arithmetic expression exactly: + - * / ^ (power) % (modulo, or percent after a number), parentheses, decimals, ' +
      'and sqrt, round, floor, ceil, abs, min, max, pow. Example: {"expression": "48 / 2"} -> 24.',
    version: 'calculator-1',
    schema: {
      type: 'object',
      properties: {
        // The calculator's own input limit (1000 characters) answers longer expressions with a
        // readable error; this bound only keeps absurd requests off the wire.
        expression: { type: 'string', description: 'the arithmetic expression to evaluate', maxLength: 65_536 },
      },
      required: ['expression'],
      additionalProperties: false,
    },
    quote: (args) => String(args['expression']).trim(),
    run: async (args, ctx): Promise<ToolOutcome> => {
      const timeBudgetMs = Math.max(1, Math.min(ctx.timeoutMs, DEFAULT_CALCULATOR_LIMITS.timeBudgetMs));
      const result = calculate(String(args['expression']), { limits: { timeBudgetMs } });
      if (result.ok) {
        return {
          status: 'ok',
          output: result.text,
          detail: { $case: 'calculator', value: { valueText: result.text, exact: result.exact, fraction: result.fraction ?? '', errorCode: '' } },
        };
      }
      return {
        status: result.error.code === 'TIMEOUT' ? 'timeout' : 'tool_error',
        output: `error: ${result.error.message}`,
        errorMessage: result.error.message,
        detail: { $case: 'calculator', value: { valueText: '', exact: false, fraction: '', errorCode: result.error.code } },
      };
    },
  };
}
