import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createLogger, type Logger } from '../logger';
import { loadOptions } from '../config/option-spec';
import { serverOptionSpec, type ServerConfig } from '../config/server-options';
import { createServerMetrics, type ServerMetrics } from '../server/server-metrics';
import { serverStreaming, unary } from '../server/handlers';
import { startGrpcService, type RunningGrpcService } from '../server/start-grpc-service';
import { GrpcStatusError } from '../status-error';
import { childCallOptions } from '../client/child-call-options';

/** Real gRPC servers of a small echo service, on loopback ports, for the kit's tests. */
export const ECHO_SERVICE = 'swirl.kittest.v1.EchoService';
const PROTO = join(__dirname, 'echo.proto');

export const echoPackage = protoLoader.loadSync(PROTO, { keepCase: false, defaults: true });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loaded = grpc.loadPackageDefinition(echoPackage) as any;
export const EchoClient: grpc.ServiceClientConstructor = loaded.swirl.kittest.v1.EchoService;

/** A FileDescriptorSet (field 1, repeated FileDescriptorProto) assembled from the loader's file protos. */
export function echoDescriptorSet(): Buffer {
  const def = echoPackage[ECHO_SERVICE] as unknown as { [m: string]: unknown };
  const first = Object.values(def)[0] as { requestType: { fileDescriptorProtos: Buffer[] } };
  const parts: Buffer[] = [];
  for (const file of first.requestType.fileDescriptorProtos) parts.push(Buffer.from([0x0a]), varint(file.length), file);
  return Buffer.concat(parts);
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n > 0x7f) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

export interface EchoServer {
  readonly running: RunningGrpcService;
  readonly metrics: ServerMetrics;
  readonly address: string;
  readonly logLines: string[];
  /** Deadline each Sleep call saw, and whether it was cancelled (for propagation tests). */
  readonly sleeps: { deadlineMs: number; cancelled: boolean }[];
}

export async function startEchoServer(overrides: Partial<ServerConfig> & { serverId?: string } = {}): Promise<EchoServer> {
  const { serverId = 'a', ...configOverrides } = overrides;
  const config = { ...loadOptions(serverOptionSpec, {}), host: '127.0.0.1', grpcPort: 0, metricsPort: 0, shutdownGraceMs: 2000, ...configOverrides };
  const logLines: string[] = [];
  const logger: Logger = createLogger({ service: 'echo', level: 'debug', write: (l) => logLines.push(l) });
  const metrics = createServerMetrics('echo', 'test');
  const attempts = new Map<string, number>();
  const sleeps: EchoServer['sleeps'] = [];
  const implementation: grpc.UntypedServiceImplementation = {
    echo: unary(logger, async (req: { text: string; key: string; failTimes: number; failCode: number }) => {
      const n = (attempts.get(req.key) ?? 0) + 1;
      attempts.set(req.key, n);
      if (n <= req.failTimes) throw new GrpcStatusError(req.failCode, `planned failure ${n}`);
      if (req.text === 'crash') throw new Error('secret internal detail');
      return { text: req.text, serverId, attempts: n };
    }),
    record: unary(logger, async (req: { key: string; failTimes: number; failCode: number }) => {
      const n = (attempts.get(req.key) ?? 0) + 1;
      attempts.set(req.key, n);
      if (n <= req.failTimes) throw new GrpcStatusError(req.failCode, `planned failure ${n}`);
      return { text: 'recorded', serverId, attempts: n };
    }),
    sleep: unary(logger, async (req: { ms: number; forwardTo: string }, ctx) => {
      const entry = { deadlineMs: ctx.deadlineMs, cancelled: false };
      sleeps.push(entry);
      if (req.forwardTo !== '') {
        const downstream = new EchoClient(req.forwardTo, grpc.credentials.createInsecure());
        try {
          return await new Promise((resolve, reject) =>
            downstream.Sleep({ ms: req.ms }, new grpc.Metadata(), childCallOptions(ctx.call), (err: Error | null, res: unknown) => (err ? reject(err) : resolve(res))),
          );
        } finally {
          downstream.close();
        }
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, req.ms);
        ctx.signal.addEventListener('abort', () => {
          entry.cancelled = true;
          clearTimeout(t);
          resolve();
        });
      });
      return { text: 'slept', serverId, deadlineMs: ctx.deadlineMs };
    }),
    count: serverStreaming(logger, async (req: { n: number }, emit) => {
      // n < 0 streams one message, then fails: a stream that breaks half way.
      if (req.n < 0) {
        emit({ text: '0', serverId });
        throw new GrpcStatusError(grpc.status.INVALID_ARGUMENT, `n must not be negative, got ${req.n}`);
      }
      for (let i = 0; i < req.n; i++) emit({ text: String(i), serverId });
    }),
  };
  const running = await startGrpcService({
    config,
    logger,
    metrics,
    descriptorSet: echoDescriptorSet(),
    services: [{ name: ECHO_SERVICE, definition: EchoClient.service, implementation }],
  });
  return { running, metrics, address: `${config.host}:${running.grpcPort}`, logLines, sleeps };
}

/** Promisified unary call on an untyped client. */
export function call<T>(client: grpc.Client, method: string, request: object, options: grpc.CallOptions = {}, metadata = new grpc.Metadata()): Promise<T> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (client as any)[method](request, metadata, options, (err: grpc.ServiceError | null, res: T) => (err ? reject(err) : resolve(res)));
  });
}

export async function scrapeMetrics(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return res.text();
}

/** The value of one series in Prometheus text format, or undefined. Labels must all match. */
export function seriesValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{')) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}
