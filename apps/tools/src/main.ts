import { createLogger, describeOptions, installShutdownSignals, OptionError } from '@swirl/grpc-kit';
import { startToolsService, StartupError } from './start-tools-service';
import { loadToolsConfig, toolsOptionSpec } from './tools-config';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(`swirl tools service: calculator and search behind swirl.v1.ToolService\n\nSettings (flag, environment variable):\n${describeOptions(toolsOptionSpec)}\n`);
    return;
  }
  const config = loadToolsConfig({ argv, env: process.env });
  const logger = createLogger({ service: 'tools', level: config.logLevel });
  const running = await startToolsService(config, logger);
  installShutdownSignals(running.shutdown, logger);
}

main().catch((err: unknown) => {
  const message =
    err instanceof OptionError
      ? `invalid settings: ${err.message}`
      : err instanceof StartupError
        ? `tools service failed to start: ${err.message}`
        : `tools service failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(err instanceof OptionError ? 2 : 1);
});
