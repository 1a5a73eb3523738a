/**
 * Steps appended per second by the SQLite trajectory store (one transaction per step, with its
 * validation, idempotency check, step-count update and the trajectory start/finish around every
 * `--steps-per-trajectory` steps) against a plain better-sqlite3 loop inserting the same rows
 * one autocommit at a time into a bare table, in the same run. Run from the repo root:
 *
 *   node -r @swc-node/register tools/bench/store-throughput/store-throughput.ts [options]
 *
 * Options: --steps N (default 5000), --steps-per-trajectory N (10), --tokens N (action tokens
 * per step, 100), --rounds N (median reported, 3), --synchronous normal,full (the SQLite
 * `synchronous` modes to measure; both by default). Files go to a fresh temp dir that is removed
 * afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openSqliteStore, type NewStep } from '../../../libs/store/src/index';

interface Settings {
  steps: number;
  stepsPerTrajectory: number;
  tokens: number;
  rounds: number;
}

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Seeded (mulberry32), so every run writes the same bytes. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A realistic calculator step: `tokens` action tokens with log-probs, a tool call and its result. */
function makeStep(trajectoryId: string, index: number, tokens: number, next: () => number): NewStep {
  const expression = `${Math.floor(next() * 1000)} / ${1 + Math.floor(next() * 9)}`;
  return {
    trajectoryId,
    index,
    prefix: { hash: `${trajectoryId}:${index}`.padEnd(64, '0'), messageCount: 2 + 2 * index, tokenCount: 120 + 40 * index },
    action: {
      kind: 'tool_call',
      text: `I need the quotient first. <math_exp>${expression}</math_exp>`,
      reasoning: 'I need the quotient first.',
      toolCall: { toolName: 'calculator', arguments: { expression }, callId: `${trajectoryId}/${index}` },
    },
    actionTokenIds: Array.from({ length: tokens }, () => Math.floor(next() * 32_000)),
    actionLogprobs: Array.from({ length: tokens }, () => Math.log(next() + 1e-9)),
    finishReason: 'stop_sequence',
    toolResult: { status: 'ok', output: '42', observation: `${expression} -> 42`, truncated: false, detail: { valueText: '42', exact: true } },
    observation: `${expression} -> 42`,
    model: { name: 'swirl-tiny', version: 'base' },
    promptVersion: 'swirl-v1',
    seed: index,
    timings: { startedAt: new Date(0), generationMs: 20, toolMs: 1, totalMs: 22 },
  };
}

async function timeStore(dir: string, synchronous: 'normal' | 'full', settings: Settings): Promise<number> {
  const store = await openSqliteStore({ path: join(dir, `store-${synchronous}.db`), synchronous });
  try {
    await store.upsertQuestions([{ id: 'q', source: 'world', family: 'math', split: 'train', text: 'q', goldAnswers: ['42'], metadata: {} }]);
    await store.createJob({ id: 'bench', kind: 'synthesize', config: {} });
    const next = random(1);
    const trajectories = Math.ceil(settings.steps / settings.stepsPerTrajectory);
    const steps = Array.from({ length: trajectories }, (_, t) =>
      Array.from({ length: settings.stepsPerTrajectory }, (_, i) => makeStep(`t-${t}`, i, settings.tokens, next)),
    );
    const start = process.hrtime.bigint();
    for (let t = 0; t < trajectories; t++) {
      await store.startTrajectory({
        id: `t-${t}`,
        jobId: 'bench',
        questionId: 'q',
        sampleIndex: t,
        model: { name: 'swirl-tiny', version: 'base' },
        promptVersion: 'swirl-v1',
        sampling: { temperature: 1 },
        maxSteps: settings.stepsPerTrajectory,
        prompt: [{ role: 'user', content: 'q' }],
      });
      for (const step of steps[t]) await store.appendStep(step);
      await store.finishTrajectory(`t-${t}`, { finishReason: 'step_cap' });
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return (trajectories * settings.stepsPerTrajectory) / seconds;
  } finally {
    await store.close();
  }
}

function blob(values: ArrayLike<number>, kind: 'uint32' | 'float32'): Buffer {
  const array = kind === 'uint32' ? Uint32Array.from(values) : Float32Array.from(values);
  return Buffer.from(array.buffer);
}

function timePlain(dir: string, synchronous: 'normal' | 'full', settings: Settings): number {
  const db = new Database(join(dir, `plain-${synchronous}.db`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
    db.exec(`CREATE TABLE steps (id INTEGER PRIMARY KEY, trajectory_id TEXT NOT NULL, step_index INTEGER NOT NULL, action_text TEXT NOT NULL,
      tool_arguments TEXT, observation TEXT NOT NULL, action_token_ids BLOB NOT NULL, action_logprobs BLOB NOT NULL, UNIQUE (trajectory_id, step_index))`);
    const insert = db.prepare('INSERT INTO steps (trajectory_id, step_index, action_text, tool_arguments, observation, action_token_ids, action_logprobs) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const next = random(1);
    const trajectories = Math.ceil(settings.steps / settings.stepsPerTrajectory);
    const steps = Array.from({ length: trajectories * settings.stepsPerTrajectory }, (_, n) =>
      makeStep(`t-${Math.floor(n / settings.stepsPerTrajectory)}`, n % settings.stepsPerTrajectory, settings.tokens, next),
    );
    const start = process.hrtime.bigint();
    for (const step of steps) {
      insert.run(
        step.trajectoryId,
        step.index,
        step.action.text,
        JSON.stringify(step.action.toolCall?.arguments),
        step.observation,
        blob(step.actionTokenIds, 'uint32'),
        blob(step.actionLogprobs, 'float32'),
      );
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return steps.length / seconds;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '5000' },
      'steps-per-trajectory': { type: 'string', default: '10' },
      tokens: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      synchronous: { type: 'string', default: 'normal,full' },
    },
  });
  const settings: Settings = {
    steps: Number(values.steps),
    stepsPerTrajectory: Number(values['steps-per-trajectory']),
    tokens: Number(values.tokens),
    rounds: Number(values.rounds),
  };
  print(`store-throughput: ${settings.steps} steps (${settings.tokens} action tokens each), ${settings.stepsPerTrajectory} per trajectory, median of ${settings.rounds} rounds`);
  print();
  print('| synchronous | store steps/s | plain insert steps/s | store / plain |');
  print('|---|---:|---:|---:|');
  const modes = values.synchronous!.split(',');
  if (!modes.every((mode) => mode === 'normal' || mode === 'full')) throw new Error(`--synchronous takes normal and/or full, got ${values.synchronous}`);
  for (const synchronous of modes as ('normal' | 'full')[]) {
    const store: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'store-throughput-'));
      try {
        plain.push(timePlain(dir, synchronous, settings));
        store.push(await timeStore(dir, synchronous, settings));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const storeRate = median(store);
    const plainRate = median(plain);
    print(`| ${synchronous} | ${storeRate.toFixed(0)} | ${plainRate.toFixed(0)} | ${(storeRate / plainRate).toFixed(2)}x |`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
