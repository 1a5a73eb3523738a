import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..', '..');
const LEARNER = join(REPO, 'apps', 'learner');
const BUILDER = join(__dirname, 'grammar-policy', 'build_grammar_policy.py');
const PYTHON = join(process.env['SWIRL_VENV'] ?? join(REPO, '.venv'), 'bin', 'python');

/**
 * The grammar policy (see build_grammar_policy.py): a real exported model whose samples are
 * well-formed tool calls, answers and the odd malformed turn. Built by the learner's export code
 * and cached under var/test-fixtures by a hash of that code and the builder, so it is rebuilt
 * whenever either changes.
 */
export function grammarPolicyDir(): string {
  if (!existsSync(PYTHON)) throw new Error(`no Python venv at ${PYTHON}: run tools/python/ensure-venv.sh (npm test does)`);
  const hash = createHash('sha256').update(readFileSync(BUILDER));
  const pkg = join(LEARNER, 'swirl_learner');
  for (const f of readdirSync(pkg).filter((f) => f.endsWith('.py')).sort()) hash.update(f).update(readFileSync(join(pkg, f)));
  const dir = join(REPO, 'var', 'test-fixtures', `grammar-policy-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'config.json'))) {
    execFileSync(PYTHON, [BUILDER, '--out', dir], { env: { ...process.env, PYTHONPATH: LEARNER }, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}
