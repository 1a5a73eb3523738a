import { alreadyExists, failedPrecondition, invalidArgument, notFound } from '@swirl/grpc-kit';
import { ModelBackend, ModelState, type ModelInfo, type ModelRef } from '@swirl/proto';
import type { EngineLimits } from '../engine/generation-engine';
import type { EngineMetrics } from '../engine/engine-metrics';
import { EngineMetricsSink } from '../engine/engine-thread-metrics';
import { createOpenAiRemoteModel } from '../remote/openai-remote-model';
import type { SessionOptions } from '../runtime/onnx-runtime';
import { createOnnxServingModel } from './onnx-serving-model';
import type { ServingModel } from './serving-model';

/** Settings of the OpenAI-compatible remote backend (OpenAiRemoteOptions in the contract). */
export interface RemoteSettings {
  readonly remoteModel?: string;
  readonly apiKeyEnv?: string;
  readonly maxConcurrency?: number;
}

/** One loaded (or loading) model version and the model serving it. */
export interface ModelVersion {
  readonly name: string;
  readonly version: string;
  readonly sourceUri: string;
  readonly backend: ModelBackend;
  state: ModelState;
  errorMessage: string;
  loadTime: Date | undefined;
  model: ServingModel | undefined;
  loading: Promise<void>;
}

export interface ModelRegistryDeps {
  readonly limits: EngineLimits;
  readonly metrics: EngineMetrics;
  readonly session: SessionOptions;
  readonly scoreBatchSize: number;
  /** Engine threads per ONNX model version (each its own session and batch). */
  readonly engineThreads: number;
  /** Environment holding remote API keys (OpenAiRemoteOptions.api_key_env names a variable). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Loaded model versions as an `_info` gauge. */
  readonly onChange?: (versions: readonly ModelVersion[]) => void;
}

/**
 * Named models, each with versions and one active version. Activating a new version is a hot
 * swap: requests already given to the old version's engine finish there, new requests resolve
 * to the new one. Unloading drains a version before releasing its session.
 */
export class ModelRegistry {
  private readonly names = new Map<string, { active: string | undefined; versions: Map<string, ModelVersion> }>();
  private defaultName: string | undefined;
  private readonly sink: EngineMetricsSink;

  constructor(private readonly deps: ModelRegistryDeps) {
    this.sink = new EngineMetricsSink(deps.metrics);
  }

  /** Starts loading (idempotent per name + version + source); resolves when READY or FAILED. */
  async load(ref: ModelRef, sourceUri: string, backend: ModelBackend, activate: boolean, remote: RemoteSettings = {}): Promise<{ version: ModelVersion; loadedNow: boolean }> {
    if (ref.name === '' || ref.version === '') throw invalidArgument('model.name and model.version are both required');
    if (sourceUri === '') throw invalidArgument('source_uri is required: the model directory (ONNX) or the server base URL (OPENAI_REMOTE)');
    if (backend !== ModelBackend.MODEL_BACKEND_ONNX && backend !== ModelBackend.MODEL_BACKEND_OPENAI_REMOTE) {
      throw invalidArgument('backend is required: MODEL_BACKEND_ONNX or MODEL_BACKEND_OPENAI_REMOTE');
    }
    let entry = this.names.get(ref.name);
    const existing = entry?.versions.get(ref.version);
    if (existing !== undefined) {
      if (existing.sourceUri !== sourceUri) throw alreadyExists(`${ref.name}@${ref.version} is already loaded from ${existing.sourceUri}; load a new version label instead`);
      await existing.loading;
      if (activate && existing.state === ModelState.MODEL_STATE_READY) entry!.active = ref.version;
      return { version: existing, loadedNow: false };
    }
    if (entry === undefined) {
      entry = { active: undefined, versions: new Map() };
      this.names.set(ref.name, entry);
    }
    const version: ModelVersion = {
      name: ref.name,
      version: ref.version,
      sourceUri,
      backend,
      state: ModelState.MODEL_STATE_LOADING,
      errorMessage: '',
      loadTime: undefined,
      model: undefined,
      loading: Promise.resolve(),
    };
    entry.versions.set(ref.version, version);
    const target = entry;
    version.loading = this.open(ref, sourceUri, backend, remote).then(
      (model) => {
        version.model = model;
        version.state = ModelState.MODEL_STATE_READY;
        version.loadTime = new Date();
        if (activate || target.active === undefined) target.active = ref.version;
        this.defaultName ??= ref.name;
        this.changed();
      },
      (err: unknown) => {
        version.state = ModelState.MODEL_STATE_FAILED;
        version.errorMessage = err instanceof Error ? err.message : String(err);
        this.changed();
      },
    );
    await version.loading;
    return { version, loadedNow: true };
  }

  private async open(ref: ModelRef, sourceUri: string, backend: ModelBackend, remote: RemoteSettings): Promise<ServingModel> {
    if (backend === ModelBackend.MODEL_BACKEND_OPENAI_REMOTE) {
      const apiKey = remote.apiKeyEnv ? this.deps.env[remote.apiKeyEnv] : undefined;
      if (remote.apiKeyEnv && apiKey === undefined) throw new Error(`environment variable ${remote.apiKeyEnv} (api_key_env) is not set on the inference service`);
      return createOpenAiRemoteModel({ baseUrl: sourceUri.replace(/\/$/, ''), remoteModel: remote.remoteModel || ref.name, apiKey, maxConcurrency: remote.maxConcurrency || 16, maxQueued: this.deps.limits.maxQueued });
    }
    const dir = sourceUri.startsWith('file://') ? new URL(sourceUri).pathname : sourceUri;
    const { session, limits, scoreBatchSize, engineThreads } = this.deps;
    return createOnnxServingModel(dir, { session, limits, scoreBatchSize, engineThreads, sink: this.sink });
  }

  /** The READY version a request names (empty name: the default model; empty version: the active one). */
  resolve(ref: ModelRef | undefined): ModelVersion {
    const name = ref?.name || this.defaultName;
    if (name === undefined) throw failedPrecondition('no model is loaded yet: call LoadModel first');
    const entry = this.names.get(name);
    if (entry === undefined) throw notFound(`model "${name}" is not loaded; loaded: ${[...this.names.keys()].join(', ') || 'none'}`);
    const versionLabel = ref?.version || entry.active;
    if (versionLabel === undefined) throw notFound(`model "${name}" has no active version; name one of: ${[...entry.versions.keys()].join(', ')}`);
    const version = entry.versions.get(versionLabel);
    if (version === undefined) throw notFound(`model "${name}" has no version "${versionLabel}"; loaded versions: ${[...entry.versions.keys()].join(', ')}`);
    if (version.state !== ModelState.MODEL_STATE_READY) {
      throw failedPrecondition(`${name}@${versionLabel} is ${ModelState[version.state]}${version.errorMessage ? `: ${version.errorMessage}` : ''}`);
    }
    return version;
  }

  isActive(v: ModelVersion): boolean {
    return this.names.get(v.name)?.active === v.version;
  }

  all(): ModelVersion[] {
    return [...this.names.values()].flatMap((e) => [...e.versions.values()]);
  }

  /** Drains and releases a version. Returns false if it was not loaded. */
  async unload(ref: ModelRef, allowActive: boolean): Promise<boolean> {
    const entry = this.names.get(ref.name);
    const version = entry?.versions.get(ref.version);
    if (entry === undefined || version === undefined) return false;
    if (entry.active === ref.version && !allowActive) {
      throw failedPrecondition(`${ref.name}@${ref.version} is the active version; activate another version first or set allow_active`);
    }
    if (entry.active === ref.version) entry.active = undefined;
    version.state = ModelState.MODEL_STATE_UNLOADING;
    await version.model?.drained();
    await version.model?.release();
    entry.versions.delete(ref.version);
    this.changed();
    return true;
  }

  /** Releases every loaded version without draining (the server has stopped taking requests). */
  async releaseAll(): Promise<void> {
    const versions = this.all();
    this.names.clear();
    await Promise.all(versions.map((v) => v.loading.then(() => v.model?.release())));
  }

  info(v: ModelVersion): ModelInfo {
    const m = v.model;
    return {
      model: { name: v.name, version: v.version },
      backend: v.backend,
      state: v.state,
      sourceUri: v.sourceUri,
      active: this.isActive(v),
      contextLength: m?.contextLength ?? 0,
      vocabSize: m?.vocabSize ?? 0,
      eosTokenIds: [...(m?.eosTokenIds ?? [])],
      tokenizerSha256: m?.tokenizerSha256 ?? '',
      parameterCount: 0,
      loadTime: v.loadTime,
      errorMessage: v.errorMessage,
    };
  }

  private changed(): void {
    this.deps.onChange?.(this.all());
  }
}
