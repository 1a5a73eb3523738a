import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorld } from '@swirl/world';
import { grammarPolicyDir } from './grammar-policy.test-support';
import { spawnService, type SpawnedService } from './spawned-service.test-support';

/** The world every coordinator test uses; the tools service serves its corpus as `world`. */
export const WORLD_SEED = 1;
export const POLICY = { name: 'grammar', version: 'v1' } as const;
/** The same weights loaded a second time, so evaluations can compare two model versions. */
export const POLICY_V2 = { name: 'grammar', version: 'v2' } as const;

/** The real tools and inference services a coordinator talks to, and a scratch directory. */
export interface ServiceStack {
  readonly tools: SpawnedService;
  readonly inference: SpawnedService;
  readonly scratch: string;
  dispose(): Promise<void>;
}

export interface StackOptions {
  /** Extra tools corpora (standard names, e.g. hotpotqa-dev). @default none */
  readonly extraCorpora?: readonly string[];
  /** Inference batch size. @default 16 */
  readonly maxBatchSize?: number;
  /** Models inference serves, as name@version=dir. @default the grammar policy as POLICY and POLICY_V2 */
  readonly models?: readonly string[];
}

/**
 * Starts the built tools service (calculator + BM25 over the world's corpus) and the built
 * inference service serving the grammar policy (or `models`), each as a child process on free ports.
 */
export async function startServiceStack(options: StackOptions = {}): Promise<ServiceStack> {
  const scratch = mkdtempSync(join(tmpdir(), 'swirl-coordinator-'));
  const corpus = join(scratch, 'world-corpus.jsonl');
  writeFileSync(corpus, generateWorld({ seed: WORLD_SEED }).corpus.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const corpora = [`world=jsonl:${corpus}`, ...(options.extraCorpora ?? [])].join(',');
  const [tools, inference] = await Promise.all([
    spawnService('tools', [`--corpora=${corpora}`, `--index-cache-dir=${join(scratch, 'index-cache')}`]),
    spawnService('inference', [
      `--models=${(options.models ?? [`${POLICY.name}@${POLICY.version}=${grammarPolicyDir()}`, `${POLICY_V2.name}@${POLICY_V2.version}=${grammarPolicyDir()}`]).join(',')}`,
      '--openai-port=-1',
      `--max-batch-size=${options.maxBatchSize ?? 16}`,
      '--intra-op-threads=1',
    ]),
  ]);
  return {
    tools,
    inference,
    scratch,
    async dispose() {
      await Promise.all([tools.stop(), inference.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
