import { describeOptions, OptionError, type OptionSpec, type OptionValues } from '../config/option-spec';
import type { ServerConfig } from '../config/server-options';
import { createLogger, type Logger } from '../logger';
import type { RunningGrpcService } from './start-grpc-service';
import { installShutdownSignals } from './shutdown-signals';

export interface ServiceMainOptions<S extends OptionSpec> {
  /** Name in logs, e.g. `tools`. */
  readonly service: string;
  /** One line for `--help`. */
  readonly description: string;
  readonly spec: S;
  readonly loadConfig: (sources: { argv: readonly string[]; env: NodeJS.ProcessEnv }) => OptionValues<S> & ServerConfig;
  readonly start: (config: OptionValues<S> & ServerConfig, logger: Logger) => Promise<RunningGrpcService>;
  /** Errors whose message alone tells the operator what to fix (no stack). */
  readonly isOperatorError?: (err: unknown) => boolean;
}

/**
 * The entry point every service shares: `--help`, settings, logger, start, signals, and exit
 * codes (2 for invalid settings, 1 for a failed start).
 */
export function runServiceMain<S extends OptionSpec>(options: ServiceMainOptions<S>): void {
  const main = async () => {
    const argv = process.argv.slice(2);
    if (argv.includes('--help')) {
      process.stdout.write(`swirl ${options.service} service: ${options.description}\n\nSettings (flag, environment variable):\n${describeOptions(options.spec)}\n`);
      return;
    }
    const config = options.loadConfig({ argv, env: process.env });
    const logger = createLogger({ service: options.service, level: config.logLevel });
    const running = await options.start(config, logger);
    installShutdownSignals(running.shutdown, logger);
  };
  main().catch((err: unknown) => {
    const plain = err instanceof OptionError || options.isOperatorError?.(err) === true;
    const detail = err instanceof Error ? (plain ? err.message : (err.stack ?? err.message)) : String(err);
    process.stderr.write(`${err instanceof OptionError ? 'invalid settings' : `${options.service} service failed to start`}: ${detail}\n`);
    process.exit(err instanceof OptionError ? 2 : 1);
  });
}
