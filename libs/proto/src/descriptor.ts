import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema, MethodOptions_IdempotencyLevel } from '@bufbuild/protobuf/wkt';

/**
 * Absolute path of the FileDescriptorSet of all swirl.v1 files *and* their google/protobuf
 * imports (written by tools/codegen/generate.sh). Resolved from this module's directory, which is
 * `libs/proto/src` when running from sources and `libs/proto/dist` when built: both are siblings
 * of `libs/proto/descriptor`.
 */
export const descriptorSetPath: string = resolve(__dirname, '..', 'descriptor', 'swirl.binpb');

/** The descriptor set's bytes (e.g. for server reflection via proto-loader). */
export function readDescriptorSet(): Buffer {
  return readFileSync(descriptorSetPath);
}

/**
 * Method paths (`/swirl.v1.Service/Method`) whose contract declares
 * `option idempotency_level = NO_SIDE_EFFECTS` or `IDEMPOTENT`: the calls a client may retry.
 *
 * Read with @bufbuild/protobuf because `@grpc/proto-loader`'s `loadFileDescriptorSetFromBuffer`
 * drops method options (every method reports `IDEMPOTENCY_UNKNOWN`).
 */
export function idempotentMethodPaths(descriptorSet: Uint8Array = readDescriptorSet()): ReadonlySet<string> {
  const set = fromBinary(FileDescriptorSetSchema, descriptorSet);
  const paths = new Set<string>();
  for (const file of set.file) {
    for (const service of file.service) {
      for (const method of service.method) {
        const level = method.options?.idempotencyLevel;
        if (level === MethodOptions_IdempotencyLevel.NO_SIDE_EFFECTS || level === MethodOptions_IdempotencyLevel.IDEMPOTENT) {
          paths.add(`/${file.package}.${service.name}/${method.name}`);
        }
      }
    }
  }
  return paths;
}
