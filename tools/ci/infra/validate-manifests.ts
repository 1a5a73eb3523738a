/**
 * Validates rendered Kubernetes manifests offline:
 *   node var/infra-check/dist/validate-manifests.js [--work-dir DIR] RENDERED.json...
 * (each file: the JSON array of one rendered overlay, see yaml-to-json.py)
 * Per file: every object against its API schema (kubernetes-models / the ServiceMonitor CRD),
 * no field the API does not define, and the references between objects. Prints one summary
 * line per file and every error; exits 1 if any file has an error.
 * Built and run by tools/ci/check-infra.sh.
 */
import { join } from 'node:path';
import { checkCrossObject } from './cross-object-check';
import { loadManifests } from './kube-object';
import { checkSchemas } from './schema-check';
import { checkUnknownFields } from './unknown-field-check';

function countKinds(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
}

async function main(argv: readonly string[]): Promise<number> {
  const flag = argv.indexOf('--work-dir');
  const workDir = flag >= 0 ? argv[flag + 1] : join('var', 'infra-check', 'fields');
  const files = flag >= 0 ? argv.filter((_, i) => i !== flag && i !== flag + 1) : [...argv];
  if (files.length === 0 || workDir === undefined) {
    process.stderr.write('usage: validate-manifests.js [--work-dir DIR] RENDERED.json...\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const { manifests, errors } = loadManifests(file);
    const groups: [string, string[]][] = [
      ['schema', await checkSchemas(manifests)],
      ['fields', checkUnknownFields(manifests, workDir)],
      ['references', checkCrossObject(manifests)],
    ];
    const all = [...errors, ...groups.flatMap(([, e]) => e)];
    const verdicts = groups.map(([name, e]) => `${name} ${e.length === 0 ? 'ok' : `${e.length} error(s)`}`).join(', ');
    process.stdout.write(`${file}: ${manifests.length} objects (${countKinds(manifests.map((m) => m.object.kind))}): ${verdicts}\n`);
    for (const e of all) process.stdout.write(`  ERROR ${e}\n`);
    if (all.length > 0) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`validate-manifests: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
