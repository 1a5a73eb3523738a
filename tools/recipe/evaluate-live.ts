/**
 * Live evaluation of a policy on held-out world questions, through the REAL services: starts the
 * tools service (calculator + BM25 over the world's corpus) and the inference service (the
 * model's ONNX directory) as child processes, runs the method's multi-step loop for N questions
 * per family, grades answers with the world's `answersMatch`, and writes evaluation.json.
 *
 *   node --conditions=@swirl/source -r @swc-node/register tools/recipe/evaluate-live.ts \
 *     --model models/swirl-tiny --split test --n 200 --seed 1 [--world var/recipe/world-seed-1]
 *
 * Decoding: greedy (temperature 0), stop sequences = the action tags' closing tags, at most
 * --max-new-tokens per turn. Step caps as in the method (5 multihop, 10 math); a malformed turn,
 * a tool failure or running out of steps counts as wrong.
 *
 * Observations are the tools service's own `observation` text, which the service renders with
 * the same functions the scripted teacher used (`renderSearchResult`, `formatObservation`): the
 * policy reads live exactly the format it was trained on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { actionToToolCall, parseAction, STOP_SEQUENCES } from '@swirl/actions';
import { checkHealth, createClient } from '@swirl/grpc-kit';
import {
  ChatRole,
  FinishReason,
  InferenceServiceClient,
  ToolServiceClient,
  type ExecuteResponse,
  type GenerateResponse,
} from '@swirl/proto';
import { answersMatch, generateWorld, renderConversation, STEP_CAPS, type ConversationStep, type Family, type WorldQuestion } from '@swirl/world';

const REPO = resolve(__dirname, '..', '..');
const FAMILIES: readonly Family[] = ['multihop', 'math'];
const TOP_K = 3;

interface Options {
  modelDir: string;
  modelName: string;
  split: string;
  n: number;
  seed: number;
  worldDir: string | undefined;
  concurrency: number;
  maxNewTokens: number;
  out: string;
  threads: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: 'models/swirl-tiny' },
      name: { type: 'string', default: 'swirl-tiny' },
      split: { type: 'string', default: 'test' },
      n: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' },
      world: { type: 'string' },
      concurrency: { type: 'string', default: '16' },
      'max-new-tokens': { type: 'string', default: '96' },
      out: { type: 'string' },
      threads: { type: 'string', default: '2' },
    },
  });
  const int = (name: string, text: string | undefined) => {
    const v = Number(text);
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer, got '${text}'`);
    return v;
  };
  const modelDir = resolve(values.model!);
  return {
    modelDir,
    modelName: values.name!,
    split: values.split!,
    n: int('n', values.n),
    seed: int('seed', values.seed),
    worldDir: values.world === undefined ? undefined : resolve(values.world),
    concurrency: Math.max(1, int('concurrency', values.concurrency)),
    maxNewTokens: int('max-new-tokens', values['max-new-tokens']),
    out: resolve(values.out ?? join(modelDir, 'evaluation.json')),
    threads: int('threads', values.threads),
  };
}

// ---- services --------------------------------------------------------------------------------

interface RunningService {
  readonly name: string;
  readonly target: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns a service with --grpc-port=0, reads its `listening` log line, waits for SERVING. */
async function startService(name: string, script: string, args: string[]): Promise<RunningService> {
  const child = spawn(process.execPath, [join(REPO, script), '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not announce its port within 60 s:\n${log}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      for (const line of log.split('\n')) {
        if (!line.includes('"msg":"listening"')) continue;
        const match = /"grpcPort":(\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolvePort(Number(match[1]));
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${log}`));
    });
  });
  const target = `127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await checkHealth(target, '').catch(() => 'UNKNOWN' as const);
    if (status === 'SERVING') break;
    if (Date.now() > deadline) throw new Error(`${name} at ${target} is not SERVING after 120 s (last: ${status}):\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    target,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      }),
  };
}

// ---- world -----------------------------------------------------------------------------------

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as T);
}

/** Questions of the split and the corpus file, from an exported world or generated in-process. */
function loadWorld(options: Options, scratch: string): { questions: WorldQuestion[]; corpusPath: string; source: string } {
  if (options.worldDir !== undefined) {
    const corpusPath = join(options.worldDir, 'corpus.jsonl');
    return { questions: readJsonl<WorldQuestion>(join(options.worldDir, `questions-${options.split}.jsonl`)), corpusPath, source: options.worldDir };
  }
  const world = generateWorld({ seed: options.seed });
  const corpusPath = join(scratch, 'corpus.jsonl');
  writeFileSync(corpusPath, world.corpus.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return { questions: [...world.questions(options.split as 'train' | 'dev' | 'test')], corpusPath, source: `generateWorld({seed: ${options.seed}})` };
}

// ---- the loop --------------------------------------------------------------------------------

type Outcome = 'answered' | 'malformed' | 'step-cap' | 'tool-failure' | 'generation-failure';

interface QuestionResult {
  id: string;
  family: Family;
  template: string;
  correct: boolean;
  outcome: Outcome;
  steps: number;
  answer?: string;
  gold: string;
  problem?: string;
  /** The malformed turn's text, for diagnosis. */
  lastText?: string;
}

interface Counters {
  toolCalls: number;
  generatedTokens: number;
}

const ROLE = { system: ChatRole.CHAT_ROLE_SYSTEM, user: ChatRole.CHAT_ROLE_USER, assistant: ChatRole.CHAT_ROLE_ASSISTANT } as const;

function unary<Req, Res>(call: (req: Req, cb: (err: Error | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((res, rej) => call(req, (err, out) => (err ? rej(err) : res(out))));
}

async function runQuestion(
  question: WorldQuestion,
  inference: InferenceServiceClient,
  tools: ToolServiceClient,
  options: Options,
  counters: Counters,
): Promise<QuestionResult> {
  const cap = STEP_CAPS[question.family];
  const steps: ConversationStep[] = [];
  const base = { id: question.id, family: question.family, template: question.template, gold: question.answer };
  for (let i = 0; i < cap; i++) {
    const messages = renderConversation(question, steps).map((m) => ({ role: ROLE[m.role], content: m.content }));
    let response: GenerateResponse;
    try {
      response = await unary(inference.generate.bind(inference), {
        model: { name: options.modelName, version: '' },
        input: { $case: 'chat', value: { messages } },
        sampling: { temperature: 0, topP: undefined, topK: undefined, seed: undefined, maxNewTokens: options.maxNewTokens, stopSequences: [...STOP_SEQUENCES], ignoreEos: false },
        numSamples: 1,
        returnPromptTokenIds: false,
      });
    } catch (err) {
      return { ...base, correct: false, outcome: 'generation-failure', steps: i, problem: String(err) };
    }
    const completion = response.completions[0]!;
    counters.generatedTokens += completion.tokenIds.length;
    const text = completion.text;
    const action = parseAction(text);
    if (action.kind === 'malformed') {
      const why = completion.finishReason === FinishReason.FINISH_REASON_MAX_TOKENS ? `${action.problem} (max tokens)` : action.problem;
      return { ...base, correct: false, outcome: 'malformed', steps: i + 1, problem: why, lastText: text };
    }
    if (action.kind === 'answer') {
      return { ...base, correct: answersMatch(action.answer, question.answer), outcome: 'answered', steps: i + 1, answer: action.answer };
    }
    const call = actionToToolCall(action)!;
    const args = call.toolName === 'search' ? { query: call.arguments.query, corpus: 'world', top_k: TOP_K } : { ...call.arguments };
    let executed: ExecuteResponse;
    try {
      executed = await unary(tools.execute.bind(tools), { call: { toolName: call.toolName, arguments: args, callId: `${question.id}-${i}` }, timeout: undefined });
    } catch (err) {
      return { ...base, correct: false, outcome: 'tool-failure', steps: i + 1, problem: String(err) };
    }
    // The service renders observations exactly as the teacher did (one shared renderer).
    const observation = executed.result!.observation;
    counters.toolCalls += 1;
    steps.push({ action: text, observation });
  }
  return { ...base, correct: false, outcome: 'step-cap', steps: cap };
}

async function pool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

// ---- report ----------------------------------------------------------------------------------

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

function summarise(results: readonly QuestionResult[]) {
  const n = results.length;
  const correct = results.filter((r) => r.correct).length;
  const p = n === 0 ? 0 : correct / n;
  const margin = n === 0 ? 0 : 1.96 * Math.sqrt((p * (1 - p)) / n);
  const outcomes: Record<string, number> = {};
  for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const byTemplate: Record<string, { n: number; correct: number; accuracy: number }> = {};
  for (const r of results) {
    const t = (byTemplate[r.template] ??= { n: 0, correct: 0, accuracy: 0 });
    t.n += 1;
    if (r.correct) t.correct += 1;
  }
  for (const t of Object.values(byTemplate)) t.accuracy = round(t.correct / t.n);
  return {
    n,
    correct,
    accuracy: round(p),
    ci95: { margin: round(margin), low: round(Math.max(0, p - margin)), high: round(Math.min(1, p + margin)) },
    meanSteps: round(n === 0 ? 0 : results.reduce((s, r) => s + r.steps, 0) / n, 3),
    malformedRate: round(n === 0 ? 0 : (outcomes['malformed'] ?? 0) / n),
    outcomes,
    byTemplate: Object.fromEntries(Object.entries(byTemplate).sort(([a], [b]) => a.localeCompare(b))),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  for (const file of ['model.onnx', 'config.json', 'tokenizer.json']) {
    if (!existsSync(join(options.modelDir, file))) throw new Error(`${options.modelDir} has no ${file}: train the model first (npm run recipe:base)`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'swirl-eval-'));
  const services: RunningService[] = [];
  const started = Date.now();
  try {
    const world = loadWorld(options, scratch);
    const chosen = FAMILIES.flatMap((family) => {
      const of = world.questions.filter((q) => q.family === family);
      if (of.length < options.n) throw new Error(`split ${options.split} has ${of.length} ${family} questions, fewer than --n ${options.n}`);
      return of.slice(0, options.n);
    });
    // Interleave families so both fill the inference batch all along.
    const order = chosen.map((q, i) => ({ q, key: (i % options.n) * 2 + (q.family === 'math' ? 1 : 0) })).sort((a, b) => a.key - b.key).map((x) => x.q);

    const [toolsService, inferenceService] = await Promise.all([
      startService('tools', 'apps/tools/dist/main.js', [`--corpora=world=jsonl:${world.corpusPath}`, `--index-cache-dir=${join(scratch, 'index-cache')}`]),
      startService('inference', 'apps/inference/dist/main.js', [`--models=${options.modelName}@base=${options.modelDir}`, '--openai-port=-1', `--max-batch-size=${options.concurrency}`, `--intra-op-threads=${options.threads}`]),
    ]);
    services.push(toolsService, inferenceService);
    const inference = createClient(InferenceServiceClient, { target: inferenceService.target, defaultTimeoutMs: 600_000 });
    const tools = createClient(ToolServiceClient, { target: toolsService.target, defaultTimeoutMs: 60_000 });
    const counters: Counters = { toolCalls: 0, generatedTokens: 0 };
    let done = 0;
    const loopStarted = Date.now();
    const results = await pool(order, options.concurrency, async (q) => {
      const r = await runQuestion(q, inference, tools, options, counters);
      done += 1;
      if (done % 50 === 0) process.stderr.write(`${done}/${order.length} questions, ${((Date.now() - loopStarted) / 1000).toFixed(0)} s\n`);
      return r;
    });
    inference.close();
    tools.close();
    const ordered = [...results].sort((a, b) => a.id.localeCompare(b.id));
    const families = Object.fromEntries(FAMILIES.map((f) => [f, summarise(ordered.filter((r) => r.family === f))]));
    const config = JSON.parse(readFileSync(join(options.modelDir, 'config.json'), 'utf8'));
    const report = {
      model: { name: options.modelName, dir: options.modelDir, onnxSha256: createHash('sha256').update(readFileSync(join(options.modelDir, 'model.onnx'))).digest('hex'), provenance: config.provenance },
      world: { seed: options.seed, source: world.source, split: options.split, questionsPerFamily: options.n, selection: 'the first N questions of each family in the split file (file order)' },
      decoding: { mode: 'greedy', temperature: 0, maxNewTokens: options.maxNewTokens, stopSequences: [...STOP_SEQUENCES], stepCaps: STEP_CAPS, concurrency: options.concurrency, inferenceIntraOpThreads: options.threads },
      services: {
        tools: `apps/tools/dist/main.js (search top_k ${TOP_K} over corpus "world", calculator)`,
        inference: 'apps/inference/dist/main.js (ONNX backend)',
        observationFormat: "the tools service's observation (renderSearchResult + formatObservation, as the teacher)",
        toolCalls: counters.toolCalls,
      },
      grading: "the world's answersMatch against the gold answer; malformed turn, tool failure or step cap = wrong",
      families,
      overall: summarise(ordered),
      resultsSha256: createHash('sha256').update(JSON.stringify(ordered.map((r) => [r.id, r.correct, r.outcome, r.steps, r.answer ?? null]))).digest('hex'),
      generatedTokens: counters.generatedTokens,
      seconds: round((Date.now() - started) / 1000, 1),
      results: ordered,
    };
    writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n');
    const line = (f: string) => {
      const s = families[f]!;
      return `${f.padEnd(9)} ${s.correct}/${s.n} = ${s.accuracy.toFixed(3)} ± ${s.ci95.margin.toFixed(3)} (95% CI ${s.ci95.low.toFixed(3)}-${s.ci95.high.toFixed(3)}), mean steps ${s.meanSteps}, malformed ${s.malformedRate}`;
    };
    process.stdout.write(`${FAMILIES.map(line).join('\n')}\nresults sha256 ${report.resultsSha256}; wrote ${options.out} in ${report.seconds} s\n`);
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
