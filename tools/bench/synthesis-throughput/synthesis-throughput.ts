/**
 * Synthesis throughput of the coordinator next to what the same inference service sustains
 * under a direct batched load, in one run. The stack is real: tools (calculator + BM25 over the
 * world corpus), inference and the coordinator are separate processes on loopback.
 *
 *   npx nx build @swirl/coordinator
 *   node --conditions=@swirl/source -r @swc-node/register tools/bench/synthesis-throughput/synthesis-throughput.ts \
 *     [--model DIR] [--tasks 60] [--samples 5] [--concurrency 16] [--max-new-tokens 96] [--rounds 2]
 *
 * Each round: (1) a SYNTHESIZE job over world train tasks (timed from StartJob to SUCCEEDED);
 * (2) the same Generate requests the job made - every stored step's state, sampling params and
 * seed - replayed straight at the inference service by `concurrency` clients (the batch width
 * the job had), with no tools, no store and no coordinator. Same requests, same outputs, same
 * batch width: the ratio of the two token rates is what the coordinator, tools and store cost.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@swirl/grpc-kit';
import { ChatRole, InferenceServiceClient, JobSpec, JobState, TaskFamily, type GenerateRequest, type GenerateResponse } from '@swirl/proto';
import { buildStepState, openSqliteStore } from '@swirl/store';
import { generateWorld } from '@swirl/world';
import { unaryCall } from '../../../apps/coordinator/src/clients/unary-call';
import { CoordinatorTestClient } from '../../../apps/coordinator/src/testing/coordinator-client.test-support';
import { grammarPolicyDir } from '../../../apps/coordinator/src/testing/grammar-policy.test-support';
import { spawnService, type SpawnedService } from '../../../apps/coordinator/src/testing/spawned-service.test-support';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: '' },
    tasks: { type: 'string', default: '60' },
    samples: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    'max-new-tokens': { type: 'string', default: '96' },
    rounds: { type: 'string', default: '2' },
    threads: { type: 'string', default: '1' },
  },
});
const int = (name: keyof typeof values) => {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer, got ${values[name]}`);
  return v;
};
const TASKS = int('tasks');
const SAMPLES = int('samples');
const CONCURRENCY = int('concurrency');
const MAX_NEW_TOKENS = int('max-new-tokens');
const ROUNDS = int('rounds');
const THREADS = int('threads');
const ROLE = { system: ChatRole.CHAT_ROLE_SYSTEM, user: ChatRole.CHAT_ROLE_USER, assistant: ChatRole.CHAT_ROLE_ASSISTANT, tool: ChatRole.CHAT_ROLE_TOOL } as const;

interface Rate {
  readonly seconds: number;
  readonly tokens: number;
  readonly requests: number;
  readonly trajectories: number;
}

async function synthesize(client: CoordinatorTestClient, round: number): Promise<{ jobId: string; rate: Rate }> {
  const spec = JobSpec.fromPartial({
    spec: {
      $case: 'synthesize',
      value: {
        tasks: { source: { $case: 'syntheticWorld', value: { seed: 1, split: 'train', count: TASKS * (ROUNDS + 1), family: TaskFamily.TASK_FAMILY_UNSPECIFIED } }, offset: round * TASKS, limit: TASKS },
        samplesPerTask: SAMPLES,
        sampling: { temperature: 1, seed: 1000 + round, maxNewTokens: MAX_NEW_TOKENS, stopSequences: [] },
        policy: { name: 'bench', version: 'v1' },
        concurrency: CONCURRENCY,
      },
    },
  });
  const started = performance.now();
  const job = await client.start(spec);
  const done = await client.finish(job.id);
  const seconds = (performance.now() - started) / 1000;
  if (done.state !== JobState.JOB_STATE_SUCCEEDED || done.result?.result?.$case !== 'synthesize') throw new Error(`synthesis job ended ${JobState[done.state]}: ${done.errorMessage}`);
  const r = done.result.result.value;
  return { jobId: job.id, rate: { seconds, tokens: r.generatedTokens, requests: r.steps, trajectories: r.trajectories } };
}

/** The job's Generate requests, rebuilt from the store: each step's state, sampling and seed. */
async function requestsOf(storePath: string, jobId: string): Promise<GenerateRequest[]> {
  const store = await openSqliteStore({ path: storePath });
  try {
    const requests: GenerateRequest[] = [];
    for (const t of await store.listTrajectories({ jobId })) {
      const full = (await store.getTrajectory(t.id))!;
      const s = full.sampling;
      for (const step of full.steps) {
        requests.push({
          model: { ...step.model },
          input: { $case: 'chat', value: { messages: buildStepState(full.prompt, full.steps, step.index).map((m) => ({ role: ROLE[m.role], content: m.content })) } },
          sampling: { temperature: Number(s['temperature']), topP: undefined, topK: undefined, seed: step.seed, maxNewTokens: Number(s['max_new_tokens']), stopSequences: (s['stop_sequences'] as string[]).map(String), ignoreEos: false },
          numSamples: 1,
          returnPromptTokenIds: true,
        });
      }
    }
    return requests;
  } finally {
    await store.close();
  }
}

async function directLoad(inference: SpawnedService, requests: readonly GenerateRequest[]): Promise<Rate> {
  const client = createClient(InferenceServiceClient, { target: inference.target, defaultTimeoutMs: 600_000 });
  try {
    let next = 0;
    let tokens = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const res = await unaryCall<GenerateRequest, GenerateResponse>(client.generate.bind(client), requests[next++]!);
          tokens += res.completions[0]!.tokenIds.length;
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, tokens, requests: requests.length, trajectories: 0 };
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const model = values.model || grammarPolicyDir();
  const scratch = mkdtempSync(join(tmpdir(), 'swirl-bench-synthesis-'));
  const services: SpawnedService[] = [];
  try {
    const corpus = join(scratch, 'world.jsonl');
    writeFileSync(corpus, generateWorld({ seed: 1 }).corpus.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const [tools, inference] = await Promise.all([
      spawnService('tools', [`--corpora=world=jsonl:${corpus}`, `--index-cache-dir=${join(scratch, 'index')}`]),
      spawnService('inference', [`--models=bench@v1=${model}`, '--openai-port=-1', `--max-batch-size=${CONCURRENCY}`, `--intra-op-threads=${THREADS}`]),
    ]);
    services.push(tools, inference);
    const storePath = join(scratch, 'store.sqlite');
    const coordinator = await spawnService('coordinator', [`--store=${storePath}`, `--inference-target=${inference.target}`, `--tools-target=${tools.target}`]);
    services.push(coordinator);
    const client = new CoordinatorTestClient(coordinator.target);
    process.stdout.write(
      `model ${model}; ${TASKS} world train tasks x ${SAMPLES} samples per round, ${ROUNDS} rounds, concurrency ${CONCURRENCY} (= inference batch), temperature 1, <= ${MAX_NEW_TOKENS} new tokens per action, ${THREADS} onnxruntime thread(s)\n`,
    );
    // Warm-up: connections, model caches, the tools' index.
    await synthesize(client, ROUNDS);
    const synth: Rate[] = [];
    const direct: Rate[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { jobId, rate } = await synthesize(client, round);
      synth.push(rate);
      direct.push(await directLoad(inference, await requestsOf(storePath, jobId)));
    }
    client.close();
    const sum = (rates: Rate[], key: keyof Rate) => rates.reduce((s, r) => s + r[key], 0);
    const row = (name: string, rates: Rate[]) => {
      const secs = sum(rates, 'seconds');
      const traj = sum(rates, 'trajectories');
      process.stdout.write(
        `${name.padEnd(44)} ${(sum(rates, 'tokens') / secs).toFixed(0).padStart(7)} tokens/s ${(sum(rates, 'requests') / secs).toFixed(1).padStart(7)} generations/s${traj > 0 ? ` ${(traj / secs).toFixed(2).padStart(7)} trajectories/s` : ''}  (${secs.toFixed(1)} s)\n`,
      );
    };
    row('synthesis (coordinator + tools + store)', synth);
    row('direct batched load (same requests)', direct);
    const ratio = sum(synth, 'tokens') / sum(synth, 'seconds') / (sum(direct, 'tokens') / sum(direct, 'seconds'));
    process.stdout.write(`synthesis / direct tokens per second: ${ratio.toFixed(2)}x (target >= 0.7x) ${ratio >= 0.7 ? 'met' : 'NOT met'}\n`);
  } finally {
    await Promise.all(services.reverse().map((s) => s.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
