import { status } from '@grpc/grpc-js';
import { GrpcStatusError, notFound } from '@swirl/grpc-kit';
import {
  JudgeKind,
  type FilterRequest,
  type FilterResponse,
  type JudgeInfo,
  type JudgeOutcomeRequest,
  type JudgeOutcomeResponse,
  type JudgeServiceClient,
  type JudgeStepsRequest,
  type JudgeStepsResponse,
  type ListJudgesResponse,
} from '@swirl/proto';
import { describeCallError, unaryCall } from '../clients/unary-call';

/** The judge service as the JUDGE and FILTER jobs use it, with the contract's batch limits. */
export interface JudgeCalls {
  /** The configured judge with this id ('' = the default process judge); NOT_FOUND if none. */
  processJudge(id: string, signal: AbortSignal): Promise<JudgeInfo>;
  /** Every outcome grader the service offers. */
  outcomeGraders(signal: AbortSignal): Promise<JudgeInfo[]>;
  judgeSteps(request: JudgeStepsRequest, signal: AbortSignal): Promise<JudgeStepsResponse>;
  judgeOutcome(request: JudgeOutcomeRequest, signal: AbortSignal): Promise<JudgeOutcomeResponse>;
  filter(request: FilterRequest, signal: AbortSignal): Promise<FilterResponse>;
}

/** JudgeSteps takes at most 256 items, JudgeOutcome 1024, Filter 1000 trajectories. */
export const JUDGE_LIMITS = Object.freeze({ steps: 256, outcomes: 1024, trajectories: 1000 });

export function grpcJudgeCalls(client: JudgeServiceClient, timeoutMs: number): JudgeCalls {
  const list = async (kind: JudgeKind, signal: AbortSignal) => {
    try {
      return (await unaryCall<{ kind: JudgeKind }, ListJudgesResponse>(client.listJudges.bind(client), { kind }, { signal, timeoutMs: 30_000 })).judges;
    } catch (err) {
      throw new GrpcStatusError(status.UNAVAILABLE, `the judge service cannot list its judges: ${describeCallError(err)}`);
    }
  };
  return {
    async processJudge(id, signal) {
      const judges = await list(JudgeKind.JUDGE_KIND_PROCESS, signal);
      const judge = judges.find((j) => (id === '' ? j.isDefault : j.id === id));
      if (judge === undefined) throw notFound(`process judge "${id || '(default)'}" is not configured in the judge service; it has: ${judges.map((j) => j.id).join(', ')}`);
      return judge;
    },
    outcomeGraders: (signal) => list(JudgeKind.JUDGE_KIND_OUTCOME, signal),
    judgeSteps: (request, signal) => unaryCall(client.judgeSteps.bind(client), request, { signal, timeoutMs }),
    judgeOutcome: (request, signal) => unaryCall(client.judgeOutcome.bind(client), request, { signal, timeoutMs }),
    filter: (request, signal) => unaryCall(client.filter.bind(client), request, { signal, timeoutMs }),
  };
}
