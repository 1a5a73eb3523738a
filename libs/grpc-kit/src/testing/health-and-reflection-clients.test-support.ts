import { join, dirname } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = grpc.Client & Record<string, any>;

export function healthClient(address: string, creds = grpc.credentials.createInsecure()): AnyClient {
  const Ctor = grpc.makeGenericClientConstructor(healthService as unknown as grpc.ServiceDefinition, 'Health');
  return new Ctor(address, creds) as AnyClient;
}

export function checkHealth(client: AnyClient, service: string): Promise<string> {
  return new Promise((resolve, reject) =>
    client.check({ service }, (err: grpc.ServiceError | null, res: { status: string }) => (err ? reject(err) : resolve(res.status))),
  );
}

const reflectionProto = join(dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');

/** Asks a server's reflection service for its service names, as grpcurl would. */
export function listServicesByReflection(address: string): Promise<string[]> {
  const pkg = protoLoader.loadSync(reflectionProto, { keepCase: true });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const Ctor = (grpc.loadPackageDefinition(pkg) as any).grpc.reflection.v1.ServerReflection as grpc.ServiceClientConstructor;
  const client = new Ctor(address, grpc.credentials.createInsecure()) as AnyClient;
  return new Promise((resolve, reject) => {
    const stream = client.ServerReflectionInfo();
    stream.on('data', (res: { list_services_response?: { service: { name: string }[] }; error_response?: { error_message: string } }) => {
      if (res.error_response) reject(new Error(res.error_response.error_message));
      else resolve((res.list_services_response?.service ?? []).map((s) => s.name));
      stream.end();
      client.close();
    });
    stream.on('error', reject);
    stream.write({ list_services: '' });
  });
}
