/**
 * The transport alone: a plain grpc-js server (no swirl code, no interceptors) in its own
 * process whose Generate sends its headers, then answers after a fixed delay with a response
 * the size of the service's.
 * What a 1-client request costs beyond the time the server reports for it (`timings.total`, here
 * its delay), measured with the benchmark's own client, is what gRPC itself costs on this
 * machine: the part of the service's per-request overhead no change to the service can remove.
 */
import { spawn } from 'node:child_process';
import { Metadata, Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { durationFromMs, FinishReason, InferenceServiceService, type GenerateRequest, type GenerateResponse } from '@swirl/proto';

export interface BareServer {
  readonly port: number;
  stop(): void;
}

/** Starts this file as a server process answering every Generate after `delayMs` with `newTokens` tokens. */
export function startBareGrpcServer(delayMs: number, newTokens: number): Promise<BareServer> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--bare-server', String(delayMs), String(newTokens)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const port = /^port (\d+)$/m.exec(out)?.[1];
      if (port !== undefined) resolve({ port: Number(port), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the bare gRPC server exited with ${code}: ${out}`)));
  });
}

async function serve(delayMs: number, newTokens: number): Promise<void> {
  const reply = (total: number): GenerateResponse => ({
    model: { name: 'bench', version: 'v1' },
    completions: [
      {
        index: 0,
        text: 'x'.repeat(newTokens),
        tokenIds: Array.from({ length: newTokens }, (_, i) => 65 + (i % 26)),
        logprobs: Array.from({ length: newTokens }, (_, i) => -0.01 * i),
        finishReason: FinishReason.FINISH_REASON_MAX_TOKENS,
        matchedStopSequence: '',
        seed: undefined,
      },
    ],
    promptTokenIds: [],
    promptTokenCount: 48,
    timings: { queue: durationFromMs(0), prefill: durationFromMs(0), decode: durationFromMs(total), timeToFirstToken: durationFromMs(0), total: durationFromMs(total) },
  });
  const server = new Server();
  server.addService(InferenceServiceService, {
    generate: (call: ServerUnaryCall<GenerateRequest, GenerateResponse>, callback: sendUnaryData<GenerateResponse>) => {
      const started = performance.now();
      // Headers first, as the service sends them once it accepts a request (CallContext.sendHeaders).
      call.sendMetadata(new Metadata());
      // Sleeps like the service's server thread while an engine thread decodes.
      setTimeout(() => callback(null, reply(performance.now() - started)), delayMs);
    },
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  process.stdout.write(`port ${port}\n`);
}

const at = process.argv.indexOf('--bare-server');
if (at !== -1) void serve(Number(process.argv[at + 1]), Number(process.argv[at + 2]));
