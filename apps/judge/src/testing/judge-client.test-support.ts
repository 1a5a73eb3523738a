import * as grpc from '@grpc/grpc-js';
import { createClient, idempotentMethodsFromDescriptorSet } from '@swirl/grpc-kit';
import {
  JudgeServiceClient,
  readDescriptorSet,
  type FilterRequest,
  type FilterResponse,
  type JudgeOutcomeRequest,
  type JudgeOutcomeResponse,
  type JudgeStepsRequest,
  type JudgeStepsResponse,
  type ListJudgesResponse,
  JudgeKind,
  FilterStrategy,
  OutcomeGrader,
} from '@swirl/proto';

type Call<Req, Res> = (req: Req, md: grpc.Metadata, opts: grpc.CallOptions, cb: (e: grpc.ServiceError | null, r: Res) => void) => grpc.ClientUnaryCall;
const unary = <Req, Res>(fn: Call<Req, Res>, req: Req, opts: grpc.CallOptions) =>
  new Promise<Res>((resolve, reject) => fn(req, new grpc.Metadata(), opts, (e, r) => (e ? reject(e) : resolve(r))));

/** A JudgeService client with promise calls and defaults for the fields a test leaves out. */
export function judgeClient(target: string) {
  const client = createClient(JudgeServiceClient, { target, idempotentMethods: idempotentMethodsFromDescriptorSet(readDescriptorSet()) });
  return {
    client,
    close: () => client.close(),
    judgeSteps: (req: Partial<JudgeStepsRequest>, opts: grpc.CallOptions = {}) =>
      unary<JudgeStepsRequest, JudgeStepsResponse>(client.judgeSteps.bind(client), { judgeId: '', samples: 0, items: [], bypassCache: false, judgeModel: undefined, ...req }, opts),
    judgeOutcome: (req: Partial<JudgeOutcomeRequest>, opts: grpc.CallOptions = {}) =>
      unary<JudgeOutcomeRequest, JudgeOutcomeResponse>(
        client.judgeOutcome.bind(client),
        { grader: OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED, f1Threshold: 0, samples: 0, items: [], graderModel: undefined, bypassCache: false, ...req },
        opts,
      ),
    filter: (req: Partial<FilterRequest>, opts: grpc.CallOptions = {}) =>
      unary<FilterRequest, FilterResponse>(
        client.filter.bind(client),
        {
          strategy: FilterStrategy.FILTER_STRATEGY_UNSPECIFIED,
          input: undefined,
          processJudgeId: '',
          samples: 0,
          outcomeGrader: OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED,
          useStoredVerdicts: false,
          omitExamples: false,
          returnVerdicts: false,
          ...req,
        },
        opts,
      ),
    listJudges: (kind = JudgeKind.JUDGE_KIND_UNSPECIFIED) => unary<{ kind: JudgeKind }, ListJudgesResponse>(client.listJudges.bind(client), { kind }, {}),
  };
}

export type JudgeTestClient = ReturnType<typeof judgeClient>;

/** A /metrics line matcher: a series with these labels (in any order) and a value above zero. */
export function seriesPattern(name: string, labels: Record<string, string>): RegExp {
  return new RegExp(`^${name}\\{${Object.entries(labels).map(([k, v]) => `(?=[^}]*${k}="${v.replace(/[+]/g, '\\+')}")`).join('')}[^}]*\\} (?:[1-9]|0\\.\\d*[1-9])`, 'm');
}
