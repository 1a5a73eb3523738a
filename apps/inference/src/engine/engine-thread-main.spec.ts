import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Every loaded model version starts its engine threads, so what a thread loads is paid at every
 * LoadModel. The gRPC and metrics packages took most of a thread's start-up (about 0.6 s of ~0.7 s)
 * while the engine needs none of them: errors and metrics cross to the server thread as plain data.
 */
describe('engine thread module graph', () => {
  it('loads onnxruntime and the tokenizer, but no gRPC or metrics package', async () => {
    // The thread's entry file, loaded the way EngineThread starts it from sources, without workerData (so it only loads).
    const code = `
      require(${JSON.stringify(join(__dirname, 'engine-thread-main.ts'))});
      require('node:worker_threads').parentPort.postMessage(Object.keys(require.cache));
    `;
    const worker = new Worker(code, { eval: true, execArgv: ['--conditions=@swirl/source', '-r', require.resolve('@swc-node/register')] });
    const loaded = await new Promise<string[]>((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();

    expect(loaded.some((f) => f.includes('onnxruntime-node'))).toBe(true);
    expect(loaded.some((f) => f.includes('@huggingface/tokenizers'))).toBe(true);
    const unwanted = loaded.filter((f) => /@grpc[\\/]|prom-client|grpc-kit|libs[\\/]proto[\\/]src[\\/]index/.test(f));
    expect(unwanted).toEqual([]);
  }, 60_000);
});
