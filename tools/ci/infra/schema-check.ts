import { SCHEMA_SOURCES, schemaKey } from './api-schemas';
import { describe, type Manifest } from './kube-object';

interface ValidatingModel {
  validate(): void;
}
type ModelClass = new (data: unknown) => ValidatingModel;

/**
 * Validates each object against the JSON schema of its kind (types, formats, enums, required
 * fields), as generated from the Kubernetes OpenAPI spec / the CRD. Returns one message per
 * invalid object.
 */
export async function checkSchemas(manifests: readonly Manifest[]): Promise<string[]> {
  const errors: string[] = [];
  for (const m of manifests) {
    const source = SCHEMA_SOURCES.get(schemaKey(m.object.apiVersion, m.object.kind));
    if (source === undefined) {
      errors.push(`${describe(m)}: no schema known for ${m.object.apiVersion} ${m.object.kind} (add it to tools/ci/infra/api-schemas.ts)`);
      continue;
    }
    const Model = ((await import(source.module)) as Record<string, ModelClass>)[source.className];
    if (Model === undefined) throw new Error(`${source.module} exports no ${source.className}`);
    try {
      new Model(m.object).validate();
    } catch (err) {
      errors.push(`${describe(m)}: schema: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return errors;
}
