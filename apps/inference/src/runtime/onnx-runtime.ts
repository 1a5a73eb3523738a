/**
 * The ONLY module that imports onnxruntime-node. Everything else speaks plain typed arrays, so
 * model code never depends on the runtime and another runtime could replace this file alone.
 */
import * as ort from 'onnxruntime-node';

export type TensorArray = Float32Array | BigInt64Array;

export interface TensorData {
  readonly data: TensorArray;
  readonly dims: readonly number[];
}

export interface RuntimeSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Readonly<Record<string, TensorData>>): Promise<Record<string, TensorData>>;
  release(): Promise<void>;
}

export interface SessionOptions {
  /** Threads one operator may use. @default 0 (onnxruntime decides: one per core) */
  readonly intraOpThreads?: number;
}

export async function openSession(modelPath: string, options: SessionOptions = {}): Promise<RuntimeSession> {
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: options.intraOpThreads ?? 0,
  });
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    run: async (feeds) => {
      const tensors: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) {
        tensors[name] = t.data instanceof Float32Array ? new ort.Tensor('float32', t.data, t.dims) : new ort.Tensor('int64', t.data, t.dims);
      }
      const out = await session.run(tensors);
      const result: Record<string, TensorData> = {};
      for (const [name, t] of Object.entries(out)) result[name] = { data: t.data as TensorArray, dims: t.dims };
      return result;
    },
    release: () => session.release(),
  };
}
