// Writes a seeded synthetic world to disk:
//   node -r @swc-node/register tools/world/generate-world.ts --seed 1 --out var/world/seed-1
// Options: --train N --dev N --test N (questions per family), --trajectories N (per train question).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportWorld, generateWorld } from '../../libs/world/src';

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got '${text}'`);
  return value;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      train: { type: 'string' },
      dev: { type: 'string' },
      test: { type: 'string' },
      trajectories: { type: 'string', default: '5' },
    },
  });
  const seed = integer('seed', values.seed) ?? 1;
  const out = resolve(values.out ?? `var/world/seed-${seed}`);
  const started = Date.now();
  const sizes = Object.fromEntries(
    (['train', 'dev', 'test'] as const).flatMap((split) => {
      const size = integer(split, values[split]);
      return size === undefined ? [] : [[split, size]];
    }),
  );
  const world = generateWorld({ seed, sizes });
  const files = exportWorld(world, { trajectoriesPerQuestion: integer('trajectories', values.trajectories) });
  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}');
  process.stdout.write(`wrote ${files.size} files to ${out} in ${Date.now() - started} ms: ${JSON.stringify(manifest.counts)}\n`);
}

main();
