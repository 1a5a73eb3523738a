// A "copy world": a second world, used for its train split only, with many times the entities of
// the main world. Its multihop trajectories add names an imitating policy sees too rarely to
// memorise, so it has to learn to copy a name from the question or an observation into the next
// query - the skill held-out questions need, since their entities never occur in training.
import type { EntityCounts } from '../knowledge/entities';
import { COMPANY_SUFFIXES } from '../knowledge/generate-entities';
import { renderConversation, type ChatMessage } from '../prompts';
import type { MistakeOptions } from '../teacher/mistake-options';
import { teacherTrajectory } from '../teacher/teacher-trajectory';
import { createWorldTools } from '../tools/world-tools';
import { generateWorld, type World } from '../world/generate-world';

export interface CopyWorldOptions {
  /** Seed of the copy world; must differ from the main world's. */
  seed: number;
  /** Multihop train questions to draw from it. */
  questions: number;
  /** Its train split holds this many times the main world's train entities of every type. */
  entityScale: number;
  /** Teacher trajectories per question. @default 1 */
  trajectoriesPerQuestion?: number;
  /** Teacher mistake rates. @default DEFAULT_MISTAKES */
  mistakes?: MistakeOptions;
}

/** One teacher trajectory rendered as chat messages, as the recipe trains on it. */
export interface CopyWorldConversation {
  /** `copy-<seed>/<question id>`, so ids never collide with the main world's. */
  questionId: string;
  family: 'multihop';
  template: string;
  correct: boolean;
  messages: ChatMessage[];
}

export interface CopyWorldConversations {
  readonly conversations: readonly CopyWorldConversation[];
  /** Trajectories left out because they mention an invented word of a held-out entity of the main world. */
  readonly dropped: number;
  /** The copy world's train entity counts. */
  readonly entities: EntityCounts;
}

const CAPITALISED_WORD = /[A-Z][a-z]+/g;
const TEMPLATE_WORDS: ReadonlySet<string> = new Set(['Mount', ...COMPANY_SUFFIXES]);

/** The invented words in the names (and languages) of the dev and test entities of `world`. */
export function heldOutWords(world: World): ReadonlySet<string> {
  const words = new Set<string>();
  for (const split of ['dev', 'test'] as const) {
    const pool = world.pools[split];
    const names = [...pool.countries.map((c) => c.language), ...[...pool.countries, ...pool.cities, ...pool.people, ...pool.companies, ...pool.mountains].map((e) => e.name)];
    for (const name of names) for (const word of name.match(CAPITALISED_WORD) ?? []) if (!TEMPLATE_WORDS.has(word)) words.add(word);
  }
  return words;
}

/**
 * Teacher conversations for the multihop train questions of a copy world of `mainWorld`, minus
 * any that mention a word of a main-world held-out name (names are unique within a world only).
 */
export function copyWorldConversations(mainWorld: World, options: CopyWorldOptions): CopyWorldConversations {
  if (options.seed === mainWorld.config.seed) throw new RangeError(`the copy world's seed must differ from the main world's (${options.seed})`);
  if (!Number.isInteger(options.questions) || options.questions < 1) throw new RangeError(`questions must be an integer >= 1, got ${options.questions}`);
  if (!Number.isFinite(options.entityScale) || options.entityScale < 1) throw new RangeError(`entityScale must be a number >= 1, got ${options.entityScale}`);
  const perQuestion = options.trajectoriesPerQuestion ?? 1;
  if (!Number.isInteger(perQuestion) || perQuestion < 1) throw new RangeError(`trajectoriesPerQuestion must be an integer >= 1, got ${perQuestion}`);
  const base = mainWorld.config.entities.train;
  const scaled = (n: number) => Math.round(n * options.entityScale);
  const entities: EntityCounts = {
    countries: scaled(base.countries),
    cities: scaled(base.cities),
    people: scaled(base.people),
    companies: scaled(base.companies),
    mountains: scaled(base.mountains),
  };
  const world = generateWorld({ seed: options.seed, sizes: { train: options.questions, dev: 0, test: 0 }, entities: { train: entities } });
  const tools = createWorldTools(world.corpus);
  const forbidden = heldOutWords(mainWorld);
  const conversations: CopyWorldConversation[] = [];
  let dropped = 0;
  for (const question of world.questions('train', 'multihop')) {
    for (let seed = 0; seed < perQuestion; seed++) {
      const trajectory = teacherTrajectory(question, { tools, seed, mistakes: options.mistakes });
      const messages = renderConversation(question, trajectory.steps);
      const words = messages.flatMap((m) => m.content.match(CAPITALISED_WORD) ?? []);
      if (words.some((word) => forbidden.has(word))) {
        dropped++;
        continue;
      }
      conversations.push({ questionId: `copy-${options.seed}/${question.id}`, family: 'multihop', template: question.template, correct: trajectory.correct, messages });
    }
  }
  return { conversations, dropped, entities };
}
