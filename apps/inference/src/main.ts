import { runServiceMain } from '@swirl/grpc-kit';
import { inferenceOptionSpec, loadInferenceConfig } from './inference-config';
import { startInferenceService } from './start-inference-service';

runServiceMain({
  service: 'inference',
  description: 'policy models behind swirl.v1.InferenceService and an OpenAI-compatible HTTP API',
  spec: inferenceOptionSpec,
  loadConfig: loadInferenceConfig,
  start: startInferenceService,
});
