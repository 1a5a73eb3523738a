import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export type Family = 'math' | 'multihop';
export type FilterName = 'none' | 'process' | 'outcome' | 'process+outcome';
export type AlgorithmName = 'swirl' | 'sft';

/**
 * A pipeline file (YAML). Every key is optional; the defaults below are the main job's.
 * Keys are snake_case in the file; unknown keys are errors (a typo must not silently fall back
 * to a default).
 */
export interface PipelineConfig {
  /** Names the report and the runs. @default 'main' */
  readonly name: string;
  /** Seeds synthesis sampling, the trainer and sampled evaluation. @default 1 */
  readonly seed: number;
  /** Seed of the synthetic world (questions and corpus). @default 1 */
  readonly worldSeed: number;
  /** The base policy, as loaded in inference. @default swirl-tiny@base */
  readonly policy: { readonly name: string; readonly version: string };
  /** Family whose train-split questions are synthesized and trained on. @default 'math' */
  readonly trainFamily: Family;
  readonly synthesize: {
    /** Train-split questions. @default 200 */
    readonly questions: number;
    /** Trajectories per question. @default 4 */
    readonly samplesPerQuestion: number;
    /** @default 1.0 */
    readonly temperature: number;
    /** Per policy turn. @default 96 */
    readonly maxNewTokens: number;
    /** Trajectories in flight (fills the inference batch). @default 32 */
    readonly concurrency: number;
  };
  /** Which steps become training data. @default 'process' */
  readonly filter: FilterName;
  /** Process judge (filtering and RL reward). @default 'rules' */
  readonly judge: string;
  readonly train: {
    /** @default 'swirl' */
    readonly algorithm: AlgorithmName;
    /** Optimizer updates. @default 30 */
    readonly updates: number;
    /** G: fresh actions per state. @default 4 */
    readonly samplesPerState: number;
    /** States per update. @default 16 */
    readonly statesPerBatch: number;
    /** @default 5e-5 */
    readonly learningRate: number;
    /** @default 0.02 */
    readonly klCoef: number;
    /** @default 0.2 */
    readonly clipEpsilon: number;
    /** Export to inference every K updates (and after the last). 1 keeps sampling fully on-policy,
     * which measured better than stale samples at the same cost. @default 1 */
    readonly exportEvery: number;
  };
  readonly evaluate: {
    /** Held-out split. @default 'test' */
    readonly split: 'dev' | 'test';
    /** Questions of the family trained on. @default 200 */
    readonly questionsPerFamily: number;
    /** Questions of every other family (the cross-family check). @default questions_per_family */
    readonly crossFamilyQuestions: number;
    /** @default ['math', 'multihop'] */
    readonly families: readonly Family[];
    /** 0 is greedy. Sampling at the policy's training temperature is the default because greedy
     * decoding hides the minority mistakes step-wise RL removes. @default 1 */
    readonly temperature: number;
    /** @default 1 */
    readonly samplesPerQuestion: number;
    /** @default 32 */
    readonly concurrency: number;
  };
  /** Where report.json/.md/.html go; relative paths are relative to the working directory. @default 'var/reports/<name>' */
  readonly reportDir: string;
  /** The ablation grid run by `swirl ablate`. @default all four filters x both algorithms */
  readonly ablation: { readonly filters: readonly FilterName[]; readonly algorithms: readonly AlgorithmName[] };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Raw = Record<string, unknown>;

function section(raw: Raw, key: string, where: string, allowed: readonly string[]): Raw {
  const value = raw[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${where}${key} must be a mapping`);
  const out = value as Raw;
  for (const k of Object.keys(out)) if (!allowed.includes(k)) throw new ConfigError(`${where}${key}.${k} is not a setting; known: ${allowed.join(', ')}`);
  return out;
}

function num(raw: Raw, key: string, where: string, fallback: number, check: { min?: number; max?: number; integer?: boolean } = {}): number {
  const value = raw[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConfigError(`${where}${key} must be a number, got ${JSON.stringify(value)}`);
  if (check.integer === true && !Number.isInteger(value)) throw new ConfigError(`${where}${key} must be a whole number, got ${value}`);
  if (check.min !== undefined && value < check.min) throw new ConfigError(`${where}${key} must be at least ${check.min}, got ${value}`);
  if (check.max !== undefined && value > check.max) throw new ConfigError(`${where}${key} must be at most ${check.max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(raw: Raw, key: string, where: string, choices: readonly T[], fallback: T): T {
  const value = raw[key] ?? fallback;
  if (!choices.includes(value as T)) throw new ConfigError(`${where}${key} must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}`);
  return value as T;
}

function listOf<T extends string>(raw: Raw, key: string, where: string, choices: readonly T[], fallback: readonly T[]): readonly T[] {
  const value = raw[key] ?? fallback;
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError(`${where}${key} must be a non-empty list of ${choices.join(', ')}`);
  for (const v of value) if (!choices.includes(v as T)) throw new ConfigError(`${where}${key} has ${JSON.stringify(v)}; choose from ${choices.join(', ')}`);
  return Object.freeze([...new Set(value as T[])]);
}

function text(raw: Raw, key: string, where: string, fallback: string): string {
  const value = raw[key] ?? fallback;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${where}${key} must be a non-empty string`);
  return value;
}

const FAMILIES: readonly Family[] = ['math', 'multihop'];
const FILTERS: readonly FilterName[] = ['none', 'process', 'outcome', 'process+outcome'];
const ALGORITHMS: readonly AlgorithmName[] = ['swirl', 'sft'];
const TOP = ['name', 'seed', 'world_seed', 'policy', 'train_family', 'synthesize', 'filter', 'judge', 'train', 'evaluate', 'report_dir', 'ablation'];

/** Validates a parsed YAML document and fills in every default; the result is frozen. */
export function compilePipelineConfig(document: unknown, source = 'pipeline config'): PipelineConfig {
  const raw: Raw = document === null || document === undefined ? {} : (document as Raw);
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${source}: the file must be a YAML mapping`);
  for (const k of Object.keys(raw)) if (!TOP.includes(k)) throw new ConfigError(`${source}: ${k} is not a setting; known: ${TOP.join(', ')}`);
  const at = `${source}: `;
  const policy = section(raw, 'policy', at, ['name', 'version']);
  const syn = section(raw, 'synthesize', at, ['questions', 'samples_per_question', 'temperature', 'max_new_tokens', 'concurrency']);
  const train = section(raw, 'train', at, ['algorithm', 'updates', 'samples_per_state', 'states_per_batch', 'learning_rate', 'kl_coef', 'clip_epsilon', 'export_every']);
  const ev = section(raw, 'evaluate', at, ['split', 'questions_per_family', 'cross_family_questions', 'families', 'temperature', 'samples_per_question', 'concurrency']);
  const ab = section(raw, 'ablation', at, ['filters', 'algorithms']);
  const name = text(raw, 'name', at, 'main');
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new ConfigError(`${at}name may only use letters, digits, '.', '_' and '-' (it names files), got ${JSON.stringify(name)}`);
  return Object.freeze({
    name,
    seed: num(raw, 'seed', at, 1, { min: 0, integer: true }),
    worldSeed: num(raw, 'world_seed', at, 1, { min: 0, integer: true }),
    policy: Object.freeze({ name: text(policy, 'name', `${at}policy.`, 'swirl-tiny'), version: text(policy, 'version', `${at}policy.`, 'base') }),
    trainFamily: oneOf(raw, 'train_family', at, FAMILIES, 'math'),
    synthesize: Object.freeze({
      questions: num(syn, 'questions', `${at}synthesize.`, 200, { min: 1, integer: true }),
      samplesPerQuestion: num(syn, 'samples_per_question', `${at}synthesize.`, 4, { min: 1, max: 64, integer: true }),
      temperature: num(syn, 'temperature', `${at}synthesize.`, 1.0, { min: 0, max: 5 }),
      maxNewTokens: num(syn, 'max_new_tokens', `${at}synthesize.`, 96, { min: 1, max: 4096, integer: true }),
      concurrency: num(syn, 'concurrency', `${at}synthesize.`, 32, { min: 1, max: 1024, integer: true }),
    }),
    filter: oneOf(raw, 'filter', at, FILTERS, 'process'),
    judge: text(raw, 'judge', at, 'rules'),
    train: Object.freeze({
      algorithm: oneOf(train, 'algorithm', `${at}train.`, ALGORITHMS, 'swirl'),
      updates: num(train, 'updates', `${at}train.`, 30, { min: 1, integer: true }),
      samplesPerState: num(train, 'samples_per_state', `${at}train.`, 4, { min: 2, max: 64, integer: true }),
      statesPerBatch: num(train, 'states_per_batch', `${at}train.`, 16, { min: 1, integer: true }),
      learningRate: num(train, 'learning_rate', `${at}train.`, 5e-5, { min: 1e-9, max: 1 }),
      klCoef: num(train, 'kl_coef', `${at}train.`, 0.02, { min: 0 }),
      clipEpsilon: num(train, 'clip_epsilon', `${at}train.`, 0.2, { min: 0, max: 1 }),
      exportEvery: num(train, 'export_every', `${at}train.`, 1, { min: 1, integer: true }),
    }),
    evaluate: Object.freeze({
      split: oneOf(ev, 'split', `${at}evaluate.`, ['dev', 'test'] as const, 'test'),
      questionsPerFamily: num(ev, 'questions_per_family', `${at}evaluate.`, 200, { min: 1, integer: true }),
      crossFamilyQuestions: num(ev, 'cross_family_questions', `${at}evaluate.`, num(ev, 'questions_per_family', `${at}evaluate.`, 200, { min: 1, integer: true }), { min: 1, integer: true }),
      families: listOf(ev, 'families', `${at}evaluate.`, FAMILIES, FAMILIES),
      temperature: num(ev, 'temperature', `${at}evaluate.`, 1, { min: 0, max: 5 }),
      samplesPerQuestion: num(ev, 'samples_per_question', `${at}evaluate.`, 1, { min: 1, max: 64, integer: true }),
      concurrency: num(ev, 'concurrency', `${at}evaluate.`, 32, { min: 1, max: 1024, integer: true }),
    }),
    reportDir: text(raw, 'report_dir', at, `var/reports/${name}`),
    ablation: Object.freeze({ filters: listOf(ab, 'filters', `${at}ablation.`, FILTERS, FILTERS), algorithms: listOf(ab, 'algorithms', `${at}ablation.`, ALGORITHMS, ALGORITHMS) }),
  });
}

/** Reads and compiles a pipeline file; errors name the file and the setting. */
export function loadPipelineConfig(path: string): PipelineConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read pipeline config ${path}: ${(err as Error).message}`);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (err) {
    throw new ConfigError(`${path} is not valid YAML: ${(err as Error).message}`);
  }
  return compilePipelineConfig(document, path);
}
