import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadOnnxDecoder } from '../model/onnx-decoder';
import { scoreContinuations } from './score-continuations';
import { EngineFullError } from './engine-full-error';
import { GenerationEngine } from './generation-engine';
import type { GeneratedSequence, TokenEvent } from './generation-request';
import { MetricsRecorder } from './engine-thread-metrics';
import type { EngineThreadData, FromEngineThread, ToEngineThread, WireError } from './engine-thread-protocol';
import type { IdlePollOutcome } from './engine-metrics';

/** How often an engine thread reports metrics while it works (also before every reply). */
const METRICS_EVERY_MS = 250;

/**
 * The body of an engine thread: one onnxruntime session and one continuous batch. Decoding runs
 * here so that the server thread, which speaks gRPC, never waits for a forward pass, and so that
 * several threads can decode on several cores.
 */
async function runEngineThread(port: MessagePort, data: EngineThreadData): Promise<void> {
  const post = (msg: FromEngineThread) => port.postMessage(msg);
  let decoder;
  try {
    decoder = await loadOnnxDecoder(data.dir, data.session);
  } catch (err) {
    post({ type: 'load-failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  const recorder = new MetricsRecorder();
  const engine = new GenerationEngine(decoder, decoder.tokenizer, data.limits, recorder.metrics);
  const flushMetrics = () => {
    const delta = recorder.take();
    if (delta !== undefined) post({ type: 'metrics', delta });
  };
  setInterval(flushMetrics, METRICS_EVERY_MS).unref();
  const cancels = new Map<number, AbortController>();
  // Token events of streaming requests go out once per decode step, not once per token.
  const streamed = new Map<number, TokenEvent[]>();
  let flushScheduled = false;
  const flushTokens = () => {
    flushScheduled = false;
    for (const [id, events] of streamed) post({ type: 'tokens', id, events });
    streamed.clear();
  };
  /** Requests (Generate, Score) taken on and not yet answered. */
  let unanswered = 0;
  /** Sequences (samples, Score items) this thread took on since it was last idle. */
  let sequencesSinceIdle = 0;
  /** Sends a request's final message (generated, scored, failed). */
  const reply = (msg: FromEngineThread) => {
    flushTokens();
    flushMetrics();
    post(msg);
    // Not the engine's rows: a batch that finishes in one step answers its requests one by one,
    // all after its rows are gone, and polling between them would hold back the rest.
    if (--unanswered > 0) return;
    const lone = sequencesSinceIdle <= 1;
    sequencesSinceIdle = 0;
    if (lone) awaitNextBusily();
  };
  /**
   * With nothing left to do after a lone sequence, polls for the next message for up to
   * `idleSpinMs` instead of going to sleep: a client that sends its next request when this one
   * returns (a closed loop, an RL rollout) finds the thread awake. On this VM a sequence started
   * after sleeping ran slower than one started straight away, and waking a sleeping thread took
   * 0.2-0.3 ms (tools/bench/inference-throughput/README.md, session 13). After a batch it sleeps
   * at once: batches are throughput-bound, and polling took CPU from the server thread answering
   * them (16 clients: 0.96x with polling after every batch).
   */
  const awaitNextBusily = () => {
    const spinMs = data.limits.idleSpinMs ?? 0;
    if (spinMs <= 0) return;
    const start = performance.now();
    const polled = (outcome: IdlePollOutcome) => {
      recorder.metrics.idlePollSeconds.inc((performance.now() - start) / 1000);
      recorder.metrics.idlePolls.inc({ outcome });
    };
    while (performance.now() - start < spinMs) {
      const next = receiveMessageOnPort(port);
      if (next !== undefined) {
        polled('message');
        onMessage(next.message as ToEngineThread);
        return;
      }
    }
    polled('expired');
  };

  const scoring = new Set<Promise<void>>();
  let closing = false;
  const onMessage = (msg: ToEngineThread) => {
    if (msg.type === 'cancel') {
      cancels.get(msg.id)?.abort();
      return;
    }
    if (msg.type === 'close') {
      void close();
      return;
    }
    if (msg.type === 'score') {
      unanswered++;
      sequencesSinceIdle += msg.items.length;
      const done = scoreContinuations(decoder, msg.items, msg.batchSize).then(
        (logprobs) => reply({ type: 'scored', id: msg.id, logprobs }),
        (err: unknown) => reply({ type: 'failed', id: msg.id, error: toWireError(err, false) }),
      );
      scoring.add(done);
      void done.finally(() => scoring.delete(done));
      return;
    }
    const { id, request } = msg;
    unanswered++;
    sequencesSinceIdle += request.numSamples;
    const controller = new AbortController();
    cancels.set(id, controller);
    const onToken = request.stream
      ? (event: TokenEvent) => {
          let events = streamed.get(id);
          if (events === undefined) streamed.set(id, (events = []));
          events.push(event);
          if (!flushScheduled) {
            flushScheduled = true;
            // Runs after this step's sampling, before the next forward pass (also an immediate).
            setImmediate(flushTokens);
          }
        }
      : undefined;
    engine.generate({ ...request, signal: controller.signal, onToken }).then(
      (result) => {
        cancels.delete(id);
        const sequences: GeneratedSequence[] = result.sequences.map((s) => ({
          index: s.index,
          seed: s.seed,
          tokenIds: s.tokenIds,
          logprobs: s.logprobs,
          text: s.text,
          finishReason: s.finishReason,
          matchedStop: s.matchedStop,
        }));
        reply({ type: 'generated', id, sequences, timings: result.timings });
      },
      (err: unknown) => {
        cancels.delete(id);
        const error: WireError = closing
          ? { kind: 'unloaded', message: `the model in ${data.dir} was unloaded while this request ran; retry it`, cancelled: false }
          : toWireError(err, controller.signal.aborted);
        reply({ type: 'failed', id, error });
      },
    );
  };
  port.on('message', onMessage);
  /**
   * Ends the thread from inside, between forward passes: terminating it from outside while
   * onnxruntime runs aborts the whole process (the native call returns into a stopped thread).
   */
  const close = async () => {
    closing = true;
    port.removeAllListeners('message');
    for (const controller of cancels.values()) controller.abort();
    await engine.drained();
    await Promise.all(scoring);
    flushTokens();
    flushMetrics();
    await decoder.session.release();
    process.exit(0);
  };
  post({ type: 'ready' });
}

function toWireError(err: unknown, cancelled: boolean): WireError {
  return { kind: err instanceof EngineFullError ? 'full' : 'failed', message: err instanceof Error ? err.message : String(err), cancelled };
}

const data = workerData as EngineThreadData | undefined;
if (parentPort !== null && data?.kind === 'swirl-engine-thread') void runEngineThread(parentPort, data);
