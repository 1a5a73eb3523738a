import { isAbsolute, join, resolve } from 'node:path';

/** Where the repository is (the CLI runs from apps/cli/dist or apps/cli/src). */
export const REPO = resolve(__dirname, '..', '..', '..', '..');

export type ServiceName = 'tools' | 'inference' | 'judge' | 'learner' | 'trainer' | 'coordinator';
/** Start order: every service starts after the ones it calls. */
export const SERVICE_ORDER: readonly ServiceName[] = ['tools', 'inference', 'judge', 'learner', 'trainer', 'coordinator'];

/** How `swirl up` (and `swirl run --up`) runs the stack on one machine. */
export interface StackOptions {
  /** Directory for logs, the store, artifacts and caches. @default `<repo>/var/stack` */
  stateDir?: string;
  /** Interface every service binds. @default '127.0.0.1' */
  host?: string;
  /** First gRPC port; services take consecutive ones in the documented order (coordinator +0, tools +1, inference +2, judge +3, learner +4, trainer +5). @default 50051 */
  basePort?: number;
  /** First metrics port, same order. -1: no metrics endpoints. @default 9464 */
  baseMetricsPort?: number;
  /** The policy inference serves, as name, version and directory. @default swirl-tiny, base, `<repo>/models/swirl-tiny` */
  policy?: { name?: string; version?: string; dir?: string };
  /** Seed of the synthetic world whose corpus the tools service searches (as corpus "world"). @default 1 */
  worldSeed?: number;
  /** Benchmark data (GSM8K, HotPotQA, MuSiQue). @default $SWIRL_DATA_DIR or `<repo>/../shared/data` */
  dataDir?: string;
  /** Also serve the HotPotQA and MuSiQue dev corpora (needs the data dir). @default false */
  benchmarkCorpora?: boolean;
  /** Python with the learner installed. @default `<repo>/.venv/bin/python` */
  python?: string;
  /** onnxruntime intra-op threads of the inference service. @default 1 */
  inferenceThreads?: number;
  /**
   * Decoding threads of the inference service (each its own session and batch). Two halved the
   * main job's synthesis and evaluation time on 2 cores (README). @default 2
   */
  inferenceEngineThreads?: number;
  /** Longest wait for one service to become SERVING. @default 180000 */
  startTimeoutMs?: number;
}

export interface StackConfig {
  readonly stateDir: string;
  readonly host: string;
  readonly ports: Readonly<Record<ServiceName, number>>;
  readonly metricsPorts: Readonly<Record<ServiceName, number>>;
  readonly policy: { readonly name: string; readonly version: string; readonly dir: string };
  readonly worldSeed: number;
  readonly dataDir: string;
  readonly benchmarkCorpora: boolean;
  readonly python: string;
  readonly inferenceThreads: number;
  readonly inferenceEngineThreads: number;
  readonly startTimeoutMs: number;
  readonly storePath: string;
  readonly worldCorpusPath: string;
}

const OFFSET: Readonly<Record<ServiceName, number>> = { coordinator: 0, tools: 1, inference: 2, judge: 3, learner: 4, trainer: 5 };

/** Fills in defaults once; the result is frozen. */
export function compileStackOptions(options: StackOptions = {}): StackConfig {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(p));
  const stateDir = abs(options.stateDir ?? join(REPO, 'var', 'stack'));
  const basePort = options.basePort ?? 50051;
  const baseMetricsPort = options.baseMetricsPort ?? 9464;
  if (!Number.isInteger(basePort) || basePort < 1 || basePort + 5 > 65535) throw new RangeError(`basePort must leave room for 6 ports below 65536, got ${basePort}`);
  const worldSeed = options.worldSeed ?? 1;
  const each = <T>(f: (name: ServiceName) => T) => Object.freeze(Object.fromEntries(SERVICE_ORDER.map((n) => [n, f(n)]))) as Readonly<Record<ServiceName, T>>;
  return Object.freeze({
    stateDir,
    host: options.host ?? '127.0.0.1',
    ports: each((n) => basePort + OFFSET[n]),
    metricsPorts: each((n) => (baseMetricsPort < 0 ? -1 : baseMetricsPort + OFFSET[n])),
    policy: Object.freeze({
      name: options.policy?.name ?? 'swirl-tiny',
      version: options.policy?.version ?? 'base',
      dir: abs(options.policy?.dir ?? join(REPO, 'models', 'swirl-tiny')),
    }),
    worldSeed,
    dataDir: abs(options.dataDir ?? process.env['SWIRL_DATA_DIR'] ?? join(REPO, '..', 'shared', 'data')),
    benchmarkCorpora: options.benchmarkCorpora ?? false,
    python: options.python ?? join(REPO, '.venv', 'bin', 'python'),
    inferenceThreads: options.inferenceThreads ?? 1,
    inferenceEngineThreads: options.inferenceEngineThreads ?? 2,
    startTimeoutMs: options.startTimeoutMs ?? 180_000,
    storePath: join(stateDir, 'swirl.db'),
    worldCorpusPath: join(stateDir, `world-seed-${worldSeed}`, 'corpus.jsonl'),
  });
}
