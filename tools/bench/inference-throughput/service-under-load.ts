import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { credentials, Metadata } from '@grpc/grpc-js';
import { durationToMs, InferenceServiceClient, type GenerateRequest, type GenerateResponse } from '@swirl/proto';

const REPO = join(__dirname, '..', '..', '..');

/** The inference service in its own process, as the benchmarks run it. */
export interface ServiceProcess {
  readonly grpcPort: number;
  /** Its Prometheus endpoint's port. */
  readonly metricsPort: number;
  stop(): void;
}

/**
 * Starts the built service (apps/inference/dist) on loopback with one model, `bench@v1` from
 * `dir`, with `nodeFlags` (V8 flags) and `args` (service flags; later ones override earlier).
 * Resolves once the model is ready.
 */
export function startService(dir: string, nodeFlags: readonly string[], args: readonly string[]): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, join(REPO, 'apps/inference/dist/main.js'), '--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', '--openai-port=-1', `--models=bench@v1=${dir}`, ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const listening = /"msg":"listening"[^\n]*/.exec(log)?.[0];
      if (listening === undefined || !log.includes('"msg":"model ready"')) return;
      const port = (name: string) => Number(new RegExp(`"${name}":(\\d+)`).exec(listening)?.[1]);
      const [grpcPort, metricsPort] = [port('grpcPort'), port('metricsPort')];
      if (!(grpcPort > 0 && metricsPort > 0)) {
        child.kill('SIGTERM');
        reject(new Error(`the benchmark reads the service's gRPC and metrics ports (do not pass --metrics-port=-1): ${listening}`));
      } else {
        resolve({ grpcPort, metricsPort, stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`inference service exited with ${code}: ${log}`)));
  });
}

export interface LoadOptions {
  readonly prompt: readonly number[];
  readonly newTokens: number;
  readonly seconds: number;
}

/** One request as the client saw it: tokens, its clock, and the server's own account (`timings.total`). */
export interface TimedRequest {
  readonly tokens: number;
  readonly clientMs: number;
  readonly serverMs: number;
}

/** A client of the benchmark's request: one greedy Generate of `load.prompt` (`ignore_eos`, so exactly `newTokens`). */
export interface BenchClient {
  generate(): Promise<TimedRequest>;
  close(): void;
}

export function benchClient(port: number, load: LoadOptions): BenchClient {
  const client = new InferenceServiceClient(`127.0.0.1:${port}`, credentials.createInsecure());
  const request: GenerateRequest = {
    model: undefined,
    input: { $case: 'promptTokenIds', value: { ids: [...load.prompt] } },
    sampling: { temperature: 0, topP: undefined, topK: undefined, seed: undefined, maxNewTokens: load.newTokens, stopSequences: [], ignoreEos: true },
    numSamples: 1,
    returnPromptTokenIds: false,
  };
  return {
    generate: () =>
      new Promise((resolve, reject) => {
        const sent = performance.now();
        client.generate(request, new Metadata(), { deadline: Date.now() + 60_000 }, (err: Error | null, res: GenerateResponse) =>
          err
            ? reject(err)
            : resolve({ tokens: res.completions[0]!.tokenIds.length, clientMs: performance.now() - sent, serverMs: durationToMs(res.timings?.total) ?? NaN }),
        );
      }),
    close: () => client.close(),
  };
}

/**
 * `clients` concurrent callers, each sending its next request as soon as the last returns, for
 * `load.seconds`: generated tokens per second.
 */
export async function serviceRate(port: number, clients: number, load: LoadOptions): Promise<number> {
  const client = benchClient(port, load);
  await client.generate(); // connect and warm up
  let tokens = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() - started < load.seconds * 1000) {
        // Not `tokens += await ...`: that reads `tokens` before awaiting and loses concurrent updates.
        const { tokens: n } = await client.generate();
        tokens += n;
      }
    }),
  );
  client.close();
  return tokens / ((performance.now() - started) / 1000);
}

/** The service's cache-position counters so far (see swirl_inference_cache_padding_positions_total). */
export async function cachePositions(metricsPort: number): Promise<{ total: number; padding: number }> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 'NaN');
  return { total: read('swirl_inference_cache_positions_total'), padding: read('swirl_inference_cache_padding_positions_total') };
}
