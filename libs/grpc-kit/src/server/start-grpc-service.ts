import type { Server as HttpServer } from 'node:http';
import { Server, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { ServerConfig } from '../config/server-options';
import type { Logger } from '../logger';
import { bearerAuthInterceptor } from './auth-interceptor';
import { metricsInterceptor } from './metrics-interceptor';
import { startMetricsHttpServer } from './metrics-http-server';
import { createReflectionService } from './reflection';
import { createServerCredentials } from './server-credentials';
import { withUndecodableRequests } from './undecodable-request';
import type { ServerMetrics } from './server-metrics';

export const HEALTH_SERVICE = 'grpc.health.v1.Health';

export interface ServiceRegistration {
  /** Fully-qualified name, e.g. `swirl.v1.ToolService`: also its health-check name. */
  readonly name: string;
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

export interface GrpcServiceDeps {
  readonly config: ServerConfig;
  readonly logger: Logger;
  /** Registry with the standard gRPC series; the service adds its own domain series to it. */
  readonly metrics: ServerMetrics;
  /** Serialized FileDescriptorSet of the services, served by reflection. */
  readonly descriptorSet: Buffer;
  readonly services: readonly ServiceRegistration[];
  /** Called after the gRPC server has drained, e.g. to close stores. */
  readonly onShutdown?: () => Promise<void>;
}

export interface RunningGrpcService {
  readonly grpcPort: number;
  /** undefined when metrics are off (`--metrics-port=-1`). */
  readonly metricsPort: number | undefined;
  /** Flip health of every service (and the overall "" entry) between SERVING and NOT_SERVING. */
  setServing(serving: boolean): void;
  /** NOT_SERVING, wait the drain delay, let in-flight calls finish within the grace period, then force. */
  shutdown(reason: string): Promise<void>;
}

/**
 * The one composition function every service starts with. The server comes up NOT_SERVING:
 * the service calls `setServing(true)` once its own start-up (models, indexes) is done, so
 * readiness probes and load balancers never route to a half-ready instance.
 */
export async function startGrpcService(deps: GrpcServiceDeps): Promise<RunningGrpcService> {
  const { config, logger } = deps;
  const interceptors = [metricsInterceptor(deps.metrics)];
  if (config.authToken !== undefined) {
    interceptors.push(bearerAuthInterceptor({ token: config.authToken, exemptServices: new Set([HEALTH_SERVICE]) }));
  }
  const server = new Server({
    'grpc.max_receive_message_length': config.maxReceiveMessageBytes,
    'grpc.max_send_message_length': config.maxSendMessageBytes,
    // Let clients keep idle connections alive with pings every 10 s or more.
    'grpc.http2.min_ping_interval_without_data_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 1,
    interceptors,
  });

  const names = ['', ...deps.services.map((s) => s.name)];
  const health = new HealthImplementation(Object.fromEntries(names.map((n) => [n, 'NOT_SERVING'])));
  health.addToServer(server);
  createReflectionService(deps.descriptorSet).addToServer(server);
  for (const s of deps.services) server.addService(withUndecodableRequests(s.definition), s.implementation);

  const grpcPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${config.host}:${config.grpcPort}`, createServerCredentials(config), (err, port) => (err ? reject(err) : resolve(port))),
  );
  let metricsHttp: { server: HttpServer; port: number } | undefined;
  if (config.metricsPort >= 0) metricsHttp = await startMetricsHttpServer(deps.metrics.registry, config.host, config.metricsPort);
  logger.info('listening', { grpcPort, metricsPort: metricsHttp?.port, tls: config.tlsCertFile !== undefined, auth: config.authToken !== undefined });

  const setServing = (serving: boolean) => {
    for (const n of names) health.setStatus(n, serving ? 'SERVING' : 'NOT_SERVING');
  };

  let closing: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    closing ??= (async () => {
      logger.info('shutting down', { reason });
      setServing(false);
      if (config.drainDelayMs > 0) await new Promise((r) => setTimeout(r, config.drainDelayMs));
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          logger.warn('grace period over: cancelling in-flight calls', { shutdownGraceMs: config.shutdownGraceMs });
          server.forceShutdown();
          resolve();
        }, config.shutdownGraceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      if (metricsHttp !== undefined) {
        const http = metricsHttp.server;
        // close() waits for open connections; a scraper's keep-alive one must not hold shutdown.
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
      }
      await deps.onShutdown?.();
      logger.info('stopped', { reason });
    })();
    return closing;
  };

  return { grpcPort, metricsPort: metricsHttp?.port, setServing, shutdown };
}
