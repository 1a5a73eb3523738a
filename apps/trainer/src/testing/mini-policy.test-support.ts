import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON, REPO } from './child-service.test-support';
import { miniConversation, miniWorld } from './mini-world.test-support';

/** Training recipe of the test policy: ~20 s on one core, enough for ~30% well-formed, judged-GOOD searches. */
const RECIPE = ['--steps', '150', '--layers', '1', '--hidden', '32', '--heads', '2', '--batch-size', '16', '--max-len', '512', '--warmup-steps', '5', '--lr', '1e-2', '--threads', '1', '--seed', '0'];
const TRAINING_TRAJECTORIES = 200;
const TRAINING_SEED = 7;

/**
 * A tiny policy trained by the learner's own `train-sft` on the mini world: its directory is an
 * inference export (model.onnx, tokenizer.json, config.json) AND a learner checkpoint
 * (model.safetensors), so it is both the base model a run samples from and the weights the
 * learner starts from. Cached under var/test-fixtures by a hash of the learner's code, the data
 * and the recipe.
 */
export function miniPolicyDir(): string {
  if (!existsSync(PYTHON)) throw new Error(`no Python venv at ${PYTHON}: run tools/python/ensure-venv.sh (npm test does)`);
  const learner = join(REPO, 'apps', 'learner');
  const lines = miniWorld(TRAINING_TRAJECTORIES, TRAINING_SEED).map((t) => JSON.stringify({ family: 'multihop', messages: miniConversation(t) }));
  const hash = createHash('sha256').update(RECIPE.join(' ')).update(lines.join('\n'));
  const pkg = join(learner, 'swirl_learner');
  for (const f of readdirSync(pkg).filter((f) => f.endsWith('.py')).sort()) hash.update(f).update(readFileSync(join(pkg, f)));
  const dir = join(REPO, 'var', 'test-fixtures', `trainer-mini-policy-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'model.safetensors'))) {
    mkdirSync(join(REPO, 'var', 'test-fixtures'), { recursive: true });
    const data = `${dir}.jsonl`;
    writeFileSync(data, lines.join('\n') + '\n');
    execFileSync(PYTHON, ['-m', 'swirl_learner', 'train-sft', '--data', data, '--out', dir, ...RECIPE], { cwd: learner, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}
