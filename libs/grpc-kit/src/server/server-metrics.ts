import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The standard gRPC server series (the names go-grpc-prometheus made common, so existing
 * dashboards work) plus process metrics, in a registry of the server's own: several servers can
 * live in one process (tests, the CLI's local stack) without clashing.
 */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly started: Counter<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  readonly handled: Counter<'grpc_type' | 'grpc_service' | 'grpc_method' | 'grpc_code'>;
  readonly handlingSeconds: Histogram<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  readonly msgReceived: Counter<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  readonly msgSent: Counter<'grpc_type' | 'grpc_service' | 'grpc_method'>;
}

const METHOD_LABELS = ['grpc_type', 'grpc_service', 'grpc_method'] as const;

export function createServerMetrics(service: string, version: string): ServerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  new Gauge({ name: 'swirl_build_info', help: 'Always 1; labels carry the service and its version.', labelNames: ['version'], registers: [registry] }).set({ version }, 1);
  return {
    registry,
    started: new Counter({ name: 'grpc_server_started_total', help: 'Total number of RPCs started on the server.', labelNames: METHOD_LABELS, registers: [registry] }),
    handled: new Counter({
      name: 'grpc_server_handled_total',
      help: 'Total number of RPCs completed on the server, regardless of success or failure.',
      labelNames: [...METHOD_LABELS, 'grpc_code'],
      registers: [registry],
    }),
    handlingSeconds: new Histogram({
      name: 'grpc_server_handling_seconds',
      help: 'Histogram of response latency (seconds) of gRPC that had been application-level handled by the server.',
      labelNames: METHOD_LABELS,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    msgReceived: new Counter({ name: 'grpc_server_msg_received_total', help: 'Total number of RPC stream messages received on the server.', labelNames: METHOD_LABELS, registers: [registry] }),
    msgSent: new Counter({ name: 'grpc_server_msg_sent_total', help: 'Total number of gRPC stream messages sent by the server.', labelNames: METHOD_LABELS, registers: [registry] }),
  };
}
