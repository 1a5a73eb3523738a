import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata, type ClientReadableStream } from '@grpc/grpc-js';
import { createClient, createLogger, idempotentMethodsFromDescriptorSet } from '@swirl/grpc-kit';
import {
  CreateRunRequest,
  readDescriptorSet,
  RunState,
  TrainerServiceClient,
  type Run,
  type WatchRunResponse,
} from '@swirl/proto';
import { openSqliteStore, type TrajectoryStore } from '@swirl/store';
import { createServiceClients, type ServiceClients } from '../clients/service-clients';
import { unaryCall, type UnaryMethod } from '../clients/unary-call';
import { startTrainerService, type RunningTrainerService } from '../start-trainer-service';
import { loadTrainerConfig } from '../trainer-config';
import type { ChildService } from './child-service.test-support';
import { miniPolicyDir } from './mini-policy.test-support';

export const BASE = { name: 'mini', version: 'base' } as const;
const TERMINAL = new Set([RunState.RUN_STATE_SUCCEEDED, RunState.RUN_STATE_FAILED, RunState.RUN_STATE_CANCELLED]);

/** A trainer on a test's services and store, with a client and call helpers. */
export class TrainerHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'swirl-trainer-'));
  readonly storePath = join(this.dir, 'store.sqlite');
  readonly artifactsDir = join(this.dir, 'artifacts');
  readonly policyDir = miniPolicyDir();
  readonly logLines: string[] = [];
  trainer!: RunningTrainerService;
  client!: TrainerServiceClient;
  store!: TrajectoryStore;
  /** Clients of the services, for checks the test makes directly. */
  services!: ServiceClients;

  constructor(readonly targets: { learner: ChildService; inference: ChildService; judge?: ChildService }) {}

  async start(extraArgs: readonly string[] = []): Promise<void> {
    this.store ??= await openSqliteStore({ path: this.storePath });
    this.services ??= createServiceClients({
      learnerTarget: this.targets.learner.target,
      inferenceTarget: this.targets.inference.target,
      judgeTarget: this.targets.judge?.target ?? '127.0.0.1:1',
      learnerTimeoutMs: 60_000,
      inferenceTimeoutMs: 60_000,
      judgeTimeoutMs: 60_000,
    });
    const config = loadTrainerConfig({
      argv: [
        '--host=127.0.0.1',
        '--grpc-port=0',
        '--metrics-port=0',
        `--learner-target=${this.targets.learner.target}`,
        `--inference-target=${this.targets.inference.target}`,
        `--judge-target=${this.targets.judge?.target ?? '127.0.0.1:1'}`,
        `--store-path=${this.storePath}`,
        `--artifacts-dir=${this.artifactsDir}`,
        `--base-checkpoints=${BASE.name}@${BASE.version}=${this.policyDir}`,
        '--learner-recovery-ms=60000',
        '--shutdown-grace-ms=20000',
        ...extraArgs,
      ],
      env: {},
    });
    this.trainer = await startTrainerService(config, createLogger({ service: 'trainer', level: 'debug', write: (l) => this.logLines.push(l) }));
    this.client = createClient(TrainerServiceClient, { target: `127.0.0.1:${this.trainer.grpcPort}`, idempotentMethods: idempotentMethodsFromDescriptorSet(readDescriptorSet()) });
  }

  /** Stops the trainer (its active run stays RUNNING in the store). */
  async stopTrainer(): Promise<void> {
    this.client.close();
    await this.trainer.shutdown('test');
  }

  async close(): Promise<void> {
    await this.stopTrainer();
    this.services.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  call<Req, Res>(method: UnaryMethod<Req, Res>, request: Req): Promise<Res> {
    return unaryCall(method.bind(this.client), request, { timeoutMs: 30_000 });
  }

  async createRun(fields: Partial<CreateRunRequest>): Promise<Run> {
    const request = CreateRunRequest.fromPartial({ baseModel: { ...BASE }, ...fields });
    return (await this.call(this.client.createRun, request)).run!;
  }

  getRun(runId: string): Promise<Run> {
    return this.call(this.client.getRun, { runId }).then((r) => r.run!);
  }

  /** Every event of WatchRun until the stream ends (the run is terminal). */
  watch(runId: string, afterSequence = 0, onEvent?: (event: WatchRunResponse) => void, timeoutMs = 600_000): Promise<WatchRunResponse[]> {
    return new Promise((resolve, reject) => {
      const events: WatchRunResponse[] = [];
      const stream: ClientReadableStream<WatchRunResponse> = this.client.watchRun({ runId, afterSequence }, new Metadata(), { deadline: Date.now() + timeoutMs });
      stream.on('data', (event: WatchRunResponse) => {
        events.push(event);
        onEvent?.(event);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(events));
    });
  }

  /** Polls GetRun until the run is terminal. */
  async waitTerminal(runId: string, timeoutMs = 300_000): Promise<Run> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await this.getRun(runId);
      if (TERMINAL.has(run.state)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} is still ${RunState[run.state]} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The trainer log lines of one run, for failure messages. */
  runLog(runId: string): string {
    return this.logLines.filter((l) => l.includes(runId)).join('');
  }
}
