import { runServiceMain } from '@swirl/grpc-kit';
import { startTrainerService } from './start-trainer-service';
import { loadTrainerConfig, trainerOptionSpec } from './trainer-config';

runServiceMain({
  service: 'trainer',
  description: 'training runs (SWIRL step-wise RL and SFT) behind swirl.v1.TrainerService',
  spec: trainerOptionSpec,
  loadConfig: loadTrainerConfig,
  start: startTrainerService,
});
