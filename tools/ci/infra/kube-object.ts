import { readFileSync } from 'node:fs';

/** The fields every Kubernetes object has; the rest is checked against the schemas. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

/** One object of a rendered multi-document YAML file, with where it came from for messages. */
export interface Manifest {
  readonly source: string;
  readonly index: number;
  readonly object: KubeObject;
}

export function describe(m: Manifest): string {
  return `${m.object.kind}/${m.object.metadata.name}`;
}

/**
 * Reads a rendered manifest set as a JSON array of documents (yaml-to-json.py turns kustomize's
 * YAML into that). A document that is not an object with apiVersion, kind and metadata.name is
 * an error (kubectl would refuse it too).
 */
export function loadManifests(file: string): { manifests: Manifest[]; errors: string[] } {
  const manifests: Manifest[] = [];
  const errors: string[] = [];
  const documents: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(documents)) return { manifests, errors: [`${file}: expected a JSON array of documents`] };
  documents.forEach((value: unknown, index) => {
    const o = value as Partial<KubeObject>;
    if (typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') {
      errors.push(`${file} document ${index}: not a Kubernetes object (needs apiVersion, kind and metadata.name)`);
      return;
    }
    manifests.push({ source: file, index, object: o as KubeObject });
  });
  return { manifests, errors };
}
