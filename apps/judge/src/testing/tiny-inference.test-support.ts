import { createLogger } from '@swirl/grpc-kit';
import { loadInferenceConfig } from '../../../inference/src/inference-config';
import { startInferenceService, type RunningInferenceService } from '../../../inference/src/start-inference-service';

/** The inference service's tiny random model, exported by the learner in jest.global-setup.cjs. */
export function tinyModelDir(): string {
  const dir = process.env['SWIRL_JUDGE_TEST_MODEL_DIR'];
  if (dir === undefined) throw new Error('SWIRL_JUDGE_TEST_MODEL_DIR is not set: run these tests through apps/judge/jest.config.cjs (its globalSetup builds the model)');
  return dir;
}

/** The real inference service (onnxruntime) on loopback, serving the tiny model as "tiny@v1". */
export async function startTinyInference(): Promise<{ running: RunningInferenceService; target: string }> {
  const argv = ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', '--openai-port=-1', '--intra-op-threads=1', '--max-batch-size=16', '--max-queued=256', `--models=tiny@v1=${tinyModelDir()}`];
  const running = await startInferenceService(loadInferenceConfig({ argv, env: {} }), createLogger({ service: 'inference', write: () => undefined }));
  return { running, target: `127.0.0.1:${running.grpcPort}` };
}
