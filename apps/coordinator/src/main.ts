import { runServiceMain } from '@swirl/grpc-kit';
import { coordinatorOptionSpec, loadCoordinatorConfig } from './config/coordinator-config';
import { startCoordinatorService, StartupError } from './start-coordinator-service';

runServiceMain({
  service: 'coordinator',
  description: 'jobs (synthesize, judge, filter, evaluate, pipeline) and the trajectory store behind swirl.v1.CoordinatorService',
  spec: coordinatorOptionSpec,
  loadConfig: loadCoordinatorConfig,
  start: startCoordinatorService,
  isOperatorError: (err) => err instanceof StartupError,
});
