import type { CalculatorDetail, SearchDetail } from '@swirl/proto';
import type { ArgumentSchema, ArgumentValues } from './argument-schema';

/** What a tool run produced. `tool_error` is the model's mistake, written for the model to read. */
export interface ToolOutcome {
  readonly status: 'ok' | 'tool_error' | 'timeout';
  /** Model-readable result text, e.g. `24`, or the error explanation. */
  readonly output: string;
  readonly errorMessage?: string;
  readonly detail?: { $case: 'calculator'; value: CalculatorDetail } | { $case: 'search'; value: SearchDetail };
}

export interface ToolRunContext {
  /** Time the tool may take; the tool bounds its own work by it where it can. */
  readonly timeoutMs: number;
  /** Aborted when the caller goes away or the time bound passes. */
  readonly signal: AbortSignal;
}

/** A tool the service can execute. Adding a tool means implementing this and registering it. */
export interface Tool {
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly schema: ArgumentSchema;
  /** The text the method quotes before ` -> ` in the observation line (the query, the expression). */
  quote(args: ArgumentValues): string;
  run(args: ArgumentValues, ctx: ToolRunContext): Promise<ToolOutcome>;
}
