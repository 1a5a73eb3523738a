import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Domain series of the tools service, in the server's registry. */
export interface ToolMetrics {
  readonly executions: Counter<'tool' | 'outcome'>;
  readonly seconds: Histogram<'tool'>;
  readonly inFlight: Gauge<'tool'>;
}

export function createToolMetrics(registry: Registry): ToolMetrics {
  return {
    executions: new Counter({
      name: 'swirl_tool_executions_total',
      help: 'Tool executions by tool and outcome (ok, tool_error, timeout, invalid_argument, resource_exhausted, cancelled).',
      labelNames: ['tool', 'outcome'],
      registers: [registry],
    }),
    seconds: new Histogram({
      name: 'swirl_tool_execution_seconds',
      help: 'Time a tool took to run, queueing for a concurrency slot included.',
      labelNames: ['tool'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: 'swirl_tool_executions_in_flight', help: 'Tool executions running now.', labelNames: ['tool'], registers: [registry] }),
  };
}
