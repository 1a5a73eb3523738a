import { unary, type Logger, type ServiceRegistration } from '@swirl/grpc-kit';
import { JudgeServiceService, type JudgeServiceServer, type OutcomeVerdict, type Verdict } from '@swirl/proto';
import type { VerdictCache } from './cache/verdict-cache';
import type { JudgeMetrics } from './judge-metrics';
import type { JudgeRegistry } from './judges/judge-registry';
import { createFilterHandler } from './rpc/filter';
import { createJudgeOutcomeHandler } from './rpc/judge-outcome';
import { createJudgeStepsHandler } from './rpc/judge-steps';
import type { TrajectorySource } from './trajectories/trajectory-source';

export interface JudgeServerDeps {
  readonly registry: JudgeRegistry;
  readonly stepCache: VerdictCache<Verdict>;
  readonly outcomeCache: VerdictCache<OutcomeVerdict>;
  readonly trajectories: TrajectorySource;
  readonly metrics: JudgeMetrics;
  /** Time kept before a caller's deadline to send the reply. */
  readonly replyMarginMs: number;
  readonly logger: Logger;
}

/** The swirl.v1.JudgeService implementation, ready to hand to startGrpcService. */
export function createJudgeServer(deps: JudgeServerDeps): ServiceRegistration {
  const implementation: JudgeServiceServer = {
    judgeSteps: unary(deps.logger, createJudgeStepsHandler(deps)),
    judgeOutcome: unary(deps.logger, createJudgeOutcomeHandler(deps)),
    filter: unary(deps.logger, createFilterHandler(deps)),
    listJudges: unary(deps.logger, async (request) => ({ judges: deps.registry.list(request.kind) })),
  };
  return { name: 'swirl.v1.JudgeService', definition: JudgeServiceService, implementation };
}
