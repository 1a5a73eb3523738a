import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';

/**
 * Asks a running server what it is: its health per service and, through reflection, the
 * services it offers, as grpcurl would. Used to wait for readiness and in end-to-end tests.
 */
export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedClient = grpc.Client & Record<string, any>;

const HealthClient = grpc.makeGenericClientConstructor(healthService as unknown as grpc.ServiceDefinition, 'Health');
const reflectionProto = join(dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');

export interface InspectOptions {
  /** Channel credentials. @default plaintext */
  readonly credentials?: grpc.ChannelCredentials;
  /** Deadline of each call. @default 5000 */
  readonly timeoutMs?: number;
}

/** The health status of `service` ('' = the server as a whole). Rejects with NOT_FOUND for unknown services. */
export async function checkHealth(target: string, service: string, options: InspectOptions = {}): Promise<ServingStatus> {
  const client = new HealthClient(target, options.credentials ?? grpc.credentials.createInsecure()) as UntypedClient;
  try {
    return await new Promise<ServingStatus>((resolve, reject) =>
      client.check({ service }, { deadline: Date.now() + (options.timeoutMs ?? 5000) }, (err: grpc.ServiceError | null, res: { status: ServingStatus }) =>
        err ? reject(err) : resolve(res.status),
      ),
    );
  } finally {
    client.close();
  }
}

/** Fully-qualified names of the services a server lists through reflection. */
export async function listServicesByReflection(target: string, options: InspectOptions = {}): Promise<string[]> {
  const pkg = protoLoader.loadSync(reflectionProto, { keepCase: true });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Ctor = (grpc.loadPackageDefinition(pkg) as any).grpc.reflection.v1.ServerReflection as grpc.ServiceClientConstructor;
  const client = new Ctor(target, options.credentials ?? grpc.credentials.createInsecure()) as UntypedClient;
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = client.ServerReflectionInfo({ deadline: Date.now() + (options.timeoutMs ?? 5000) });
      stream.on('data', (res: { list_services_response?: { service: { name: string }[] }; error_response?: { error_message: string } }) => {
        if (res.error_response) reject(new Error(res.error_response.error_message));
        else resolve((res.list_services_response?.service ?? []).map((s) => s.name));
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ list_services: '' });
    });
  } finally {
    client.close();
  }
}
