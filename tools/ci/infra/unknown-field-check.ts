import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { SCHEMA_SOURCES, schemaKey } from './api-schemas';
import { describe, type Manifest } from './kube-object';

/**
 * The JSON schemas of the Kubernetes API do not forbid unknown fields, but the API server's
 * strict field validation (kubectl's default) rejects them: a typo such as `livenesProbe` would
 * pass a schema check and fail at deploy time (or, with validation off, silently drop the probe).
 * This check writes each object as a literal typed with its kubernetes-models interface and lets
 * the TypeScript compiler's excess-property check find every field the API does not define.
 */
export function checkUnknownFields(manifests: readonly Manifest[], workDir: string): string[] {
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const spans: { first: number; last: number; manifest: Manifest }[] = [];
  manifests.forEach((m, i) => {
    const source = SCHEMA_SOURCES.get(schemaKey(m.object.apiVersion, m.object.kind));
    if (source === undefined) return; // reported by the schema check
    const alias = `T${imports.size}`;
    const key = `${source.module}#${source.typeName}`;
    if (!imports.has(key)) imports.set(key, alias);
    const body = `export const o${i}: ${imports.get(key)} = ${JSON.stringify(m.object, null, 2)};`.split('\n');
    spans.push({ first: lines.length, last: lines.length + body.length - 1, manifest: m });
    lines.push(...body);
  });
  const header = [...imports].map(([key, alias]) => {
    const [module, typeName] = key.split('#');
    return `import type { ${typeName} as ${alias} } from '${module}';`;
  });
  mkdirSync(workDir, { recursive: true });
  // .mts: resolved as ESM, the only way kubernetes-models' exports map allows.
  const file = join(workDir, 'manifests.mts');
  writeFileSync(file, [...header, ...lines].join('\n') + '\n');

  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const sourceFile = program.getSourceFile(file);
  if (sourceFile === undefined) throw new Error(`TypeScript did not load ${file}`);
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  return diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const line = d.start === undefined ? -1 : sourceFile.getLineAndCharacterOfPosition(d.start).line - header.length;
    const span = spans.find((s) => line >= s.first && line <= s.last);
    const where = span === undefined ? file : `${describe(span.manifest)} (${(lines[line] ?? '').trim()})`;
    return `${where}: fields: ${message}`;
  });
}
