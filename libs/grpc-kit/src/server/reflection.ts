import { dirname, join } from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { ReflectionService } from '@grpc/reflection';

const LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };
const REFLECTION_PROTO = join(dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');

/**
 * Server reflection over the service's own descriptor set plus the health and reflection
 * services themselves, so grpcurl and clients in other languages need no .proto files.
 */
export function createReflectionService(descriptorSet: Buffer): ReflectionService {
  const own = protoLoader.loadFileDescriptorSetFromBuffer(descriptorSet, LOADER_OPTIONS);
  const standard = protoLoader.loadSync([healthProtoPath, REFLECTION_PROTO], LOADER_OPTIONS);
  return new ReflectionService({ ...own, ...standard });
}
