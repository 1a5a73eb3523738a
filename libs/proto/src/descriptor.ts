import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
