import { runServiceMain } from '@swirl/grpc-kit';
import { judgeOptionSpec, loadJudgeConfig } from './judge-config';
import { startJudgeService } from './start-judge-service';

runServiceMain({
  service: 'judge',
  description: 'process judges, outcome graders, filters and a verdict cache behind swirl.v1.JudgeService',
  spec: judgeOptionSpec,
  loadConfig: loadJudgeConfig,
  start: startJudgeService,
});
