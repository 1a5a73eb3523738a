import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema, MethodOptions_IdempotencyLevel } from '@bufbuild/protobuf/wkt';

const SAFE = new Set([MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS, MethodOptions_IdempotencyLevel.IDEMPOTENT]);

/**
 * Method paths (`/pkg.Service/Method`) whose .proto declares `option idempotency_level =
 * NO_SIDE_EFFECTS` or `IDEMPOTENT`: the contract, not client code, decides what may be retried.
 * Decoded from the raw descriptors because proto-loader drops method options when it loads a
 * descriptor set.
 */
export function idempotentMethodsFromDescriptorSet(descriptorSet: Uint8Array): ReadonlySet<string> {
  const paths = new Set<string>();
  for (const file of fromBinary(FileDescriptorSetSchema, descriptorSet).file) {
    const prefix = file.package ? `${file.package}.` : '';
    for (const service of file.service) {
      for (const method of service.method) {
        const level = method.options?.idempotencyLevel;
        if (level !== undefined && SAFE.has(level)) paths.add(`/${prefix}${service.name}/${method.name}`);
      }
    }
  }
  return paths;
}
