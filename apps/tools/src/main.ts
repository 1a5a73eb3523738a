import { runServiceMain } from '@swirl/grpc-kit';
import { startToolsService, StartupError } from './start-tools-service';
import { loadToolsConfig, toolsOptionSpec } from './tools-config';

runServiceMain({
  service: 'tools',
  description: 'calculator and search behind swirl.v1.ToolService',
  spec: toolsOptionSpec,
  loadConfig: loadToolsConfig,
  start: startToolsService,
  isOperatorError: (err) => err instanceof StartupError,
});
