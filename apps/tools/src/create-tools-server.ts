import { unary, type Logger, type ServiceRegistration } from '@swirl/grpc-kit';
import { durationFromMs, ToolServiceService, type ToolServiceServer } from '@swirl/proto';
import { createToolExecutor, type ExecutionLimits } from './execute-tool';
import type { ToolMetrics } from './tool-metrics';
import type { ToolRegistry } from './tool-registry';

export interface ToolsServerDeps {
  readonly registry: ToolRegistry;
  readonly metrics: ToolMetrics;
  readonly limits: ExecutionLimits;
  readonly logger: Logger;
}

/** The swirl.v1.ToolService implementation, ready to hand to startGrpcService. */
export function createToolsServer(deps: ToolsServerDeps): ServiceRegistration {
  const execute = createToolExecutor(deps);
  const specs = deps.registry.all.map((tool) => ({
    name: tool.name,
    description: tool.description,
    inputSchemaJson: JSON.stringify(tool.schema),
    version: tool.version,
    maxConcurrency: deps.limits.maxConcurrentPerTool,
    defaultTimeout: durationFromMs(deps.limits.defaultTimeoutMs),
    maxOutputBytes: deps.limits.maxOutputBytes,
  }));
  const implementation: ToolServiceServer = {
    listTools: unary(deps.logger, async () => ({ tools: specs })),
    execute: unary(deps.logger, execute),
  };
  return { name: 'swirl.v1.ToolService', definition: ToolServiceService, implementation };
}
