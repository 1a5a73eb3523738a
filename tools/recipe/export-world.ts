// The recipe's data step: a seeded world exported with the recipe's teacher settings, plus the
// teacher trajectories already rendered as chat messages for supervised training.
//   node --conditions=@swirl/source -r @swc-node/register tools/recipe/export-world.ts \
//     --seed 1 --out var/recipe/world-seed-1 [--trajectories 5] [--mistakes '{"systematicRate":0.8}'] \
//     [--copy-seed 1001 --copy-questions 4000 --copy-entity-scale 10 --copy-trajectories 1]
// Writes the files of exportWorld (corpus, questions per split, teacher-train, manifest) and
// `sft-train.jsonl`: one line per teacher trajectory, {questionId, family, template, correct,
// messages}, where messages = renderConversation(question, steps) (system, user question, then
// assistant actions alternating with user observations `QUERY -> RESULT`). The prompts are thus
// written by the world library only; the learner just applies the chat template.
// With --copy-seed (not 0), sft-train.jsonl also holds the multihop trajectories of a copy world
// (copyWorldConversations in @swirl/world); the world files themselves are the main world's alone.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  copyWorldConversations,
  exportWorld,
  generateWorld,
  type CopyWorldConversations,
  renderConversation,
  type MistakeOptions,
  type TeacherTrajectory,
  type WorldQuestion,
} from '@swirl/world';

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
      mistakes: { type: 'string', default: '{}' },
      'copy-seed': { type: 'string', default: '0' },
      'copy-questions': { type: 'string', default: '4000' },
      'copy-entity-scale': { type: 'string', default: '10' },
      'copy-trajectories': { type: 'string', default: '1' },
    },
  });
  const seed = integer('seed', values.seed) ?? 1;
  const out = resolve(values.out ?? `var/recipe/world-seed-${seed}`);
  const mistakes = JSON.parse(values.mistakes ?? '{}') as MistakeOptions;
  const started = Date.now();
  const sizes = Object.fromEntries(
    (['train', 'dev', 'test'] as const).flatMap((split) => {
      const size = integer(split, values[split]);
      return size === undefined ? [] : [[split, size]];
    }),
  );
  const world = generateWorld({ seed, sizes });
  const files = exportWorld(world, { trajectoriesPerQuestion: integer('trajectories', values.trajectories), mistakes });

  const questions = new Map<string, WorldQuestion>(world.questions('train').map((q) => [q.id, q]));
  const trajectories = (files.get('teacher-train.jsonl') ?? '')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as TeacherTrajectory);
  const sft = trajectories.map((t) => {
    const q = questions.get(t.questionId);
    if (q === undefined) throw new Error(`trajectory of unknown question ${t.questionId}`);
    return JSON.stringify({ questionId: q.id, family: q.family, template: q.template, correct: t.correct, messages: renderConversation(q, t.steps) });
  });
  const copySeed = integer('copy-seed', values['copy-seed']) ?? 0;
  const copyOptions = {
    seed: copySeed,
    questions: integer('copy-questions', values['copy-questions']) ?? 0,
    entityScale: Number(values['copy-entity-scale']),
    trajectoriesPerQuestion: integer('copy-trajectories', values['copy-trajectories']) ?? 1,
  };
  let copy: CopyWorldConversations | undefined;
  if (copySeed !== 0) {
    copy = copyWorldConversations(world, { ...copyOptions, mistakes });
    sft.push(...copy.conversations.map((c) => JSON.stringify(c)));
  }
  const sftText = sft.join('\n') + '\n';

  mkdirSync(out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(out, name), content);
  writeFileSync(join(out, 'sft-train.jsonl'), sftText);
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}');
  const teacherCorrect = trajectories.filter((t) => t.correct).length / Math.max(trajectories.length, 1);
  const summary = {
    out,
    seed,
    counts: manifest.counts,
    teacherCorrect: Number(teacherCorrect.toFixed(4)),
    manifestSha256: createHash('sha256').update(files.get('manifest.json') ?? '').digest('hex'),
    copyWorld:
      copy === undefined
        ? null
        : { ...copyOptions, entities: copy.entities, trajectories: copy.conversations.length, droppedForHeldOutNames: copy.dropped },
    sftSha256: createHash('sha256').update(sftText).digest('hex'),
    ms: Date.now() - started,
  };
  writeFileSync(join(out, 'recipe-data.json'), JSON.stringify(summary, null, 2) + '\n');
  process.stdout.write(JSON.stringify(summary) + '\n');
}

main();
