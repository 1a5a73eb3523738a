import * as descriptor from 'protobufjs/ext/descriptor';

interface RawFileDescriptorSet {
  file: { package?: string; service?: { name: string; method?: { name: string; options?: { idempotencyLevel?: number | string } }[] }[] }[];
}

// MethodOptions.IdempotencyLevel: 1 = NO_SIDE_EFFECTS, 2 = IDEMPOTENT.
const SAFE_LEVELS = new Set<unknown>([1, 2, 'NO_SIDE_EFFECTS', 'IDEMPOTENT']);

/**
 * Method paths (`/pkg.Service/Method`) whose .proto declares `option idempotency_level =
 * NO_SIDE_EFFECTS` or `IDEMPOTENT`: the contract, not client code, decides what may be retried.
 * Decoded from the raw descriptors because proto-loader drops method options when it loads a
 * descriptor set.
 */
export function idempotentMethodsFromDescriptorSet(descriptorSet: Buffer): ReadonlySet<string> {
  const set = descriptor.FileDescriptorSet.decode(descriptorSet) as unknown as RawFileDescriptorSet;
  const paths = new Set<string>();
  for (const file of set.file) {
    const prefix = file.package ? `${file.package}.` : '';
    for (const service of file.service ?? []) {
      for (const method of service.method ?? []) {
        if (SAFE_LEVELS.has(method.options?.idempotencyLevel)) paths.add(`/${prefix}${service.name}/${method.name}`);
      }
    }
  }
  return paths;
}
