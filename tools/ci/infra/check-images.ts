/**
 * Checks the Dockerfiles without a Docker engine:
 *   node var/infra-check/dist/check-images.js [--docker-dir DIR] RENDERED.json...
 * - every COPY from the build context names a path that exists and that .dockerignore lets in
 *   (a directory must bring at least one file);
 * - every service entry point (apps/<name>/dist/main.js) that a Dockerfile or a rendered
 *   manifest names exists after a build; an app that is not in the repository yet is listed as
 *   PENDING (loudly, not silently), and fails the check as soon as its directory appears;
 * - a `python -m <module>` entry point exists under the image's WORKDIR;
 * - files the manifests run from /app/bin are copied there by the services image.
 * Run from the repository root after the TypeScript build (check-infra.sh does both).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDockerfile, type ParsedDockerfile } from './dockerfile';
import { isIgnored, parseDockerignore } from './dockerignore';

const ENTRY = /apps\/([a-z0-9-]+)\/dist\/main\.js/g;

function includedFiles(rules: ReturnType<typeof parseDockerignore>, dir: string, limit: number): number {
  let found = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (isIgnored(rules, path)) continue;
    found += entry.isDirectory() ? includedFiles(rules, path, limit - found) : 1;
    if (found >= limit) break;
  }
  return found;
}

function checkCopies(name: string, dockerfile: ParsedDockerfile, rules: ReturnType<typeof parseDockerignore>): string[] {
  const errors: string[] = [];
  for (const copy of dockerfile.copies.filter((c) => c.fromStage === undefined)) {
    for (const source of copy.sources) {
      const path = relative('.', source) || '.';
      const where = `${name}:${copy.line} COPY ${source}`;
      if (!existsSync(path)) errors.push(`${where}: no such file or directory in the repository`);
      else if (isIgnored(rules, path)) errors.push(`${where}: excluded by .dockerignore`);
      else if (statSync(path).isDirectory() && includedFiles(rules, path, 1) === 0) errors.push(`${where}: .dockerignore leaves nothing of it in the context`);
    }
  }
  return errors;
}

function checkPythonEntry(name: string, dockerfile: ParsedDockerfile): string[] {
  let workdir = '/';
  const errors: string[] = [];
  for (const ins of dockerfile.instructions) {
    const [keyword, ...rest] = ins.text.split(/\s+/);
    if (keyword?.toUpperCase() === 'WORKDIR') workdir = rest.join(' ');
    if (keyword?.toUpperCase() !== 'ENTRYPOINT') continue;
    const argv = JSON.parse(rest.join(' ')) as string[];
    const m = argv.indexOf('-m');
    if (m < 0) continue;
    const module = argv[m + 1] ?? '';
    const main = join(relative('/app', workdir), ...module.split('.'), '__main__.py');
    if (!existsSync(main)) errors.push(`${name}:${ins.line} ENTRYPOINT runs python -m ${module}, but ${main} does not exist`);
  }
  return errors;
}

function main(argv: readonly string[]): number {
  const flag = argv.indexOf('--docker-dir');
  const dockerDir = flag >= 0 ? (argv[flag + 1] ?? '') : join('infra', 'docker');
  const renderedFiles = flag >= 0 ? argv.filter((_, i) => i !== flag && i !== flag + 1) : argv;
  const rules = parseDockerignore(readFileSync('.dockerignore', 'utf8'));
  const errors: string[] = [];
  const entryPoints = new Map<string, string>(); // path -> where it is named
  const copiedTo = new Set<string>();
  const dockerfiles = readdirSync(dockerDir).filter((f) => f.endsWith('.Dockerfile'));
  for (const file of dockerfiles) {
    const path = join(dockerDir, file);
    const text = readFileSync(path, 'utf8');
    const parsed = parseDockerfile(text);
    errors.push(...checkCopies(path, parsed, rules), ...checkPythonEntry(path, parsed));
    for (const c of parsed.copies) copiedTo.add(c.destination);
    for (const m of text.matchAll(ENTRY)) entryPoints.set(m[0], path);
    process.stdout.write(`${path}: ${parsed.copies.filter((c) => c.fromStage === undefined).length} COPY from the build context checked\n`);
  }
  for (const file of renderedFiles) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(ENTRY)) if (!entryPoints.has(m[0])) entryPoints.set(m[0], file);
    for (const m of text.matchAll(/\/app\/bin\/[\w.-]+/g)) {
      if (!copiedTo.has(m[0])) errors.push(`${file}: runs ${m[0]}, which no Dockerfile copies there`);
    }
  }
  for (const [entry, where] of [...entryPoints].sort()) {
    const app = entry.split('/').slice(0, 2).join('/');
    if (existsSync(entry)) process.stdout.write(`entry point ${entry}: built\n`);
    else if (!existsSync(app)) process.stdout.write(`entry point ${entry}: PENDING (named in ${where}; ${app}/ is not in the repository yet)\n`);
    else errors.push(`entry point ${entry} (named in ${where}) does not exist after the build: does ${app} build to dist/main.js?`);
  }
  for (const e of errors) process.stdout.write(`  ERROR ${e}\n`);
  return errors.length === 0 ? 0 : 1;
}

process.exit(main(process.argv.slice(2)));
