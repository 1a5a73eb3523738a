import { FilterStats, FilterStrategy as ProtoFilterStrategy, type DatasetVersion as ProtoDatasetVersion, type StepExample } from '@swirl/proto';
import type { DatasetExample, DatasetVersion, FilterStrategy, JsonValue } from '@swirl/store';
import { chatMessagesToProto } from './chat-messages';
import { familyToProto } from './task-family';
import { actionToProto, verdictToProto, type ViewLevel } from './trajectory-to-proto';

const STRATEGY: Readonly<Record<FilterStrategy, ProtoFilterStrategy>> = {
  none: ProtoFilterStrategy.FILTER_STRATEGY_NONE,
  process: ProtoFilterStrategy.FILTER_STRATEGY_PROCESS,
  outcome: ProtoFilterStrategy.FILTER_STRATEGY_OUTCOME,
  process_and_outcome: ProtoFilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME,
};

export function strategyToProto(strategy: FilterStrategy): ProtoFilterStrategy {
  return STRATEGY[strategy];
}

export function strategyFromProto(strategy: ProtoFilterStrategy): FilterStrategy | undefined {
  return (Object.keys(STRATEGY) as FilterStrategy[]).find((s) => STRATEGY[s] === strategy);
}

/** FilterStats as stored by FILTER jobs (FilterStats.toJSON), back to the message. */
export function filterStatsToJson(stats: FilterStats): JsonValue {
  return FilterStats.toJSON(stats) as JsonValue;
}

export function datasetVersionToProto(d: DatasetVersion): ProtoDatasetVersion {
  return {
    id: d.id,
    name: d.name,
    strategy: STRATEGY[d.filterStrategy],
    sourceJobIds: [...d.sourceJobIds],
    processJudge: d.judge === undefined ? '' : `${d.judge.id}@${d.judge.version}`,
    outcomeGrader: d.grader === undefined ? '' : `${d.grader.id}@${d.grader.version}`,
    stats: FilterStats.fromJSON(d.stats),
    filterJobId: d.filterJobId ?? '',
    createTime: d.createdAt,
  };
}

export function exampleToProto(e: DatasetExample, view: ViewLevel): StepExample {
  const full = view === 'full';
  return {
    id: e.exampleId,
    trajectoryId: e.trajectory.id,
    stepIndex: e.step.index,
    taskId: e.question.id,
    family: familyToProto(e.question.family),
    state: chatMessagesToProto(e.state),
    stateTokenIds: full && e.step.prefix.tokenIds !== undefined ? Array.from(e.step.prefix.tokenIds) : [],
    action: actionToProto(e.step.action),
    actionTokenIds: full ? Array.from(e.step.actionTokenIds) : [],
    actionLogprobs: full ? Array.from(e.step.actionLogprobs) : [],
    model: { ...e.step.model },
    promptVersion: e.step.promptVersion,
    prefixHash: e.step.prefix.hash,
    verdicts: e.verdict === undefined ? [] : [verdictToProto(e.verdict)],
  };
}
