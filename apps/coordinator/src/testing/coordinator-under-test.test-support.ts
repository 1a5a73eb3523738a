import { join } from 'node:path';
import { createLogger, type RunningGrpcService } from '@swirl/grpc-kit';
import { JobSpec, TaskFamily, type SamplingParams } from '@swirl/proto';
import { loadCoordinatorConfig } from '../config/coordinator-config';
import { startCoordinatorService } from '../start-coordinator-service';
import { CoordinatorTestClient } from './coordinator-client.test-support';
import { POLICY, WORLD_SEED, type ServiceStack } from './service-stack.test-support';

/** A coordinator running in the test process against a service stack, with its own store file. */
export interface CoordinatorUnderTest {
  readonly service: RunningGrpcService;
  readonly client: CoordinatorTestClient;
  readonly storePath: string;
  /** Lines the coordinator logged. */
  readonly logs: string[];
  stop(): Promise<void>;
}

export async function startCoordinator(stack: ServiceStack, name: string, extraArgs: readonly string[] = []): Promise<CoordinatorUnderTest> {
  const storePath = join(stack.scratch, `${name}.sqlite`);
  const config = loadCoordinatorConfig({
    argv: [
      '--host=127.0.0.1',
      '--grpc-port=0',
      '--metrics-port=0',
      `--store=${storePath}`,
      `--inference-target=${stack.inference.target}`,
      `--tools-target=${stack.tools.target}`,
      '--progress-interval-ms=100',
      ...extraArgs,
    ],
    env: process.env,
  });
  const logs: string[] = [];
  const service = await startCoordinatorService(config, createLogger({ service: 'coordinator', level: 'debug', write: (line) => logs.push(line) }));
  const client = new CoordinatorTestClient(`127.0.0.1:${service.grpcPort}`);
  return {
    service,
    client,
    storePath,
    logs,
    async stop() {
      client.close();
      await service.shutdown('test over');
    },
  };
}

export interface WorldSynthesis {
  readonly count: number;
  readonly samples: number;
  readonly seed?: number;
  readonly split?: string;
  readonly concurrency?: number;
  readonly family?: TaskFamily;
  readonly temperature?: number;
}

/** A SYNTHESIZE spec over the test world with the grammar policy. */
export function worldSynthesisSpec(o: WorldSynthesis): JobSpec {
  const sampling: SamplingParams = { temperature: o.temperature ?? 1, topP: undefined, topK: undefined, seed: o.seed, maxNewTokens: 32, stopSequences: [], ignoreEos: false };
  return JobSpec.fromPartial({
    spec: {
      $case: 'synthesize',
      value: {
        tasks: { source: { $case: 'syntheticWorld', value: { seed: WORLD_SEED, split: o.split ?? 'train', count: o.count, family: o.family ?? TaskFamily.TASK_FAMILY_UNSPECIFIED } }, limit: 0, offset: 0 },
        samplesPerTask: o.samples,
        sampling,
        policy: { ...POLICY },
        concurrency: o.concurrency ?? 8,
      },
    },
  });
}
