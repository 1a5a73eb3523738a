import { createHash } from 'node:crypto';
import { SPLITS } from '../knowledge/entities';
import { PROMPT_VERSION } from '../prompts';
import { resolveMistakeConfig, type MistakeOptions } from '../teacher/mistake-options';
import { teacherTrajectory } from '../teacher/teacher-trajectory';
import { createWorldTools } from '../tools/world-tools';
import type { World } from '../world/generate-world';

export interface ExportOptions {
  /** Teacher trajectories written per train question. @default 5 (as in the paper) */
  trajectoriesPerQuestion?: number;
  /** Mistake rates of the teacher. @default DEFAULT_MISTAKES */
  mistakes?: MistakeOptions;
  /** Hits per search in the teacher's observations. @default 3 */
  topK?: number;
}

/** File name -> content, in a fixed order; writing them is the caller's job. */
export type ExportedFiles = ReadonlyMap<string, string>;

const jsonl = (records: readonly unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The world as files: `corpus.jsonl` (loadable by the tools service's `jsonl` format),
 * `questions-{split}.jsonl`, `teacher-train.jsonl` and `manifest.json` with a hash per file.
 * Pure and deterministic: the same world and options give byte-identical content.
 */
export function exportWorld(world: World, options: ExportOptions = {}): ExportedFiles {
  const perQuestion = options.trajectoriesPerQuestion ?? 5;
  if (!Number.isInteger(perQuestion) || perQuestion < 0) throw new RangeError(`trajectoriesPerQuestion must be a non-negative integer, got ${perQuestion}`);
  const mistakes = resolveMistakeConfig(options.mistakes);
  const topK = options.topK ?? 3;
  const tools = createWorldTools(world.corpus, { topK });

  const files = new Map<string, string>();
  files.set('corpus.jsonl', jsonl(world.corpus));
  for (const split of SPLITS) files.set(`questions-${split}.jsonl`, jsonl(world.questions(split)));
  const trajectories = world.questions('train').flatMap((question) =>
    Array.from({ length: perQuestion }, (_, seed) => teacherTrajectory(question, { tools, seed, mistakes })),
  );
  files.set('teacher-train.jsonl', jsonl(trajectories));

  const manifest = {
    seed: world.config.seed,
    sizes: world.config.sizes,
    entities: world.config.entities,
    promptVersion: PROMPT_VERSION,
    teacher: { trajectoriesPerQuestion: perQuestion, topK, mistakes },
    counts: {
      corpus: world.corpus.length,
      ...Object.fromEntries(SPLITS.map((s) => [`questions-${s}`, world.questions(s).length])),
      'teacher-train': trajectories.length,
    },
    sha256: Object.fromEntries([...files].map(([name, content]) => [name, sha256(content)])),
  };
  files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return files;
}
