import { createHash } from 'node:crypto';
import { invalidArgument } from '@swirl/grpc-kit';
import { FilterStrategy, OutcomeGrader, OutcomeLabel, RejectionReason as ProtoRejection, VerdictLabel, type FilterSpec, type FilterStats, type JobResult, type JobSpec } from '@swirl/proto';
import type { JsonObject, JudgeRef, RejectionReason, StepRef, TrajectoryRejection, TrajectoryStore } from '@swirl/store';
import { datasetVersionToProto, filterStatsToJson, strategyFromProto } from '../convert/dataset-to-proto';
import type { JudgeCalls } from '../judging/judge-calls';
import { graderId, outcomeVerdictRecord, stepVerdictRecord } from '../judging/verdict-records';
import { StoreReads } from '../service/store-reads';
import type { JobHandler, RunningJob } from './job-handler';
import { checkSelector, selectTrajectories } from './select-trajectories';

export interface FilterJobDeps {
  readonly store: TrajectoryStore;
  readonly judge: JudgeCalls;
}

/**
 * Trajectories per Filter call: the contract allows 1000, but inline trajectories travel whole
 * (BASIC view, no token ids) and a page this size stays well under the 16 MiB message limit.
 */
const PAGE = 100;

const REASONS: Readonly<Partial<Record<ProtoRejection, RejectionReason>>> = {
  [ProtoRejection.REJECTION_REASON_STEP_BAD]: 'step_bad',
  [ProtoRejection.REJECTION_REASON_STEP_ABSTAIN]: 'step_abstain',
  [ProtoRejection.REJECTION_REASON_OUTCOME_WRONG]: 'outcome_wrong',
  [ProtoRejection.REJECTION_REASON_NO_FINAL_ANSWER]: 'no_final_answer',
  [ProtoRejection.REJECTION_REASON_INCOMPLETE]: 'incomplete',
};

function specOf(spec: JobSpec): FilterSpec {
  if (spec.spec?.$case !== 'filter') throw new Error('not a FILTER spec');
  return spec.spec.value;
}

const usesProcess = (s: FilterStrategy) => s === FilterStrategy.FILTER_STRATEGY_PROCESS || s === FilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME;
const usesOutcome = (s: FilterStrategy) => s === FilterStrategy.FILTER_STRATEGY_OUTCOME || s === FilterStrategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME;

/**
 * FILTER (method section 3): pages the selected trajectories through JudgeService.Filter,
 * stores every verdict it returns, and records the kept trajectories' steps as a new, immutable
 * dataset version (its examples are their step-wise decomposition).
 */
export function createFilterJobHandler(deps: FilterJobDeps): JobHandler {
  const reads = new StoreReads(deps.store);
  return {
    kind: 'filter',

    async prepare(spec, signal) {
      const f = specOf(spec);
      await checkSelector(deps.store, f.trajectories, 'filter.trajectories');
      if (strategyFromProto(f.strategy) === undefined) throw invalidArgument('filter.strategy is required: NONE, PROCESS, OUTCOME or PROCESS_AND_OUTCOME');
      if (OutcomeGrader[f.outcomeGrader] === undefined) throw invalidArgument(`filter.outcome_grader has unknown value ${f.outcomeGrader}`);
      const processJudgeId = usesProcess(f.strategy) ? (await deps.judge.processJudge(f.processJudgeId, signal)).id : f.processJudgeId;
      return { spec: { $case: 'filter', value: { ...f, processJudgeId } } };
    },

    async run(job: RunningJob): Promise<JobResult> {
      const f = specOf(job.spec);
      const strategy = strategyFromProto(f.strategy)!;
      const trajectories = await selectTrajectories(deps.store, f.trajectories!);
      if (trajectories.length === 0) throw invalidArgument('filter.trajectories selects no ended trajectories: there is nothing to filter');
      job.progress.startStage('filter', 'trajectories', trajectories.length);
      const members: StepRef[] = [];
      const rejections: TrajectoryRejection[] = [];
      const stats = { trajectoriesIn: 0, trajectoriesKept: 0, stepsIn: 0, stepsKept: 0, judgedSteps: 0, goodSteps: 0, graded: 0, yes: 0 };
      // Refs of the judge and grader whose verdicts decide; taken from the verdicts themselves
      // (their exact versions), else from the judge service's listing.
      let judge: JudgeRef | undefined;
      let grader: JudgeRef | undefined;
      if (usesProcess(f.strategy)) {
        const info = await deps.judge.processJudge(f.processJudgeId, job.signal);
        judge = { id: info.id, version: info.version };
      }
      for (let start = 0; start < trajectories.length && !job.signal.aborted; start += PAGE) {
        const page = await Promise.all(trajectories.slice(start, start + PAGE).map((t) => reads.trajectory(t.id, 'basic')));
        const res = await deps.judge.filter(
          {
            strategy: f.strategy,
            input: { $case: 'trajectories', value: { trajectories: page } },
            processJudgeId: f.processJudgeId,
            samples: f.samples,
            outcomeGrader: f.outcomeGrader,
            useStoredVerdicts: !f.rejudge,
            omitExamples: true,
            returnVerdicts: true,
          },
          job.signal,
        );
        await deps.store.recordStepVerdicts(res.stepVerdicts.map((v) => stepVerdictRecord({ trajectoryId: v.trajectoryId, index: v.stepIndex }, v.verdict!)));
        await deps.store.recordOutcomeVerdicts(res.outcomeVerdicts.map((v) => outcomeVerdictRecord(v.trajectoryId, v.verdict!)));
        for (const v of res.stepVerdicts) {
          judge = { id: v.verdict!.judgeId, version: v.verdict!.judgeVersion };
          stats.judgedSteps += 1;
          if (v.verdict!.label === VerdictLabel.VERDICT_LABEL_GOOD) stats.goodSteps += 1;
        }
        for (const v of res.outcomeVerdicts) {
          grader ??= { id: graderId(v.verdict!.grader), version: v.verdict!.graderVersion };
          stats.graded += 1;
          if (v.verdict!.label === OutcomeLabel.OUTCOME_LABEL_YES) stats.yes += 1;
        }
        res.decisions.forEach((d, i) => {
          const steps = page[i]!.steps.length;
          stats.trajectoriesIn += 1;
          stats.stepsIn += steps;
          if (d.kept) {
            stats.trajectoriesKept += 1;
            stats.stepsKept += steps;
            for (let index = 0; index < steps; index++) members.push({ trajectoryId: d.trajectoryId, index });
          } else {
            rejections.push({ trajectoryId: d.trajectoryId, reasons: [...new Set(d.reasons.map((r) => REASONS[r] ?? 'incomplete'))] });
          }
        });
        job.progress.advance({ completed: page.length });
        job.progress.setCounter('kept', stats.trajectoriesKept);
      }
      if (job.signal.aborted) return { result: undefined };
      if (usesOutcome(f.strategy) && grader === undefined) {
        // Nothing was graded (every trajectory was incomplete): name the grader that was asked for.
        const requested = f.outcomeGrader === OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED ? 'FAMILY_DEFAULT' : graderId(f.outcomeGrader);
        grader = { id: requested, version: 'none-graded' };
      }
      const filterStats: FilterStats = {
        trajectoriesIn: stats.trajectoriesIn,
        trajectoriesKept: stats.trajectoriesKept,
        stepsIn: stats.stepsIn,
        stepsKept: stats.stepsKept,
        stepGoodRate: stats.judgedSteps === 0 ? 0 : stats.goodSteps / stats.judgedSteps,
        outcomeYesRate: stats.graded === 0 ? 0 : stats.yes / stats.graded,
      };
      const dataset = await deps.store.createDatasetVersion({
        id: `ds-${createHash('sha256').update(job.id).digest('hex').slice(0, 24)}`,
        name: f.datasetName.trim() || `${strategy}-${job.id}`,
        filterStrategy: strategy,
        ...(judge === undefined ? {} : { judge }),
        ...(grader === undefined ? {} : { grader }),
        sourceJobIds: [...new Set(f.trajectories!.jobIds)],
        sourceTrajectoryIds: f.trajectories!.jobIds.length === 0 ? trajectories.map((t) => t.id) : [...new Set(f.trajectories!.trajectoryIds)],
        filterJobId: job.id,
        stats: filterStatsToJson(filterStats) as JsonObject,
        members,
        rejections,
      });
      job.progress.setCounter('kept', filterStats.trajectoriesKept);
      return { result: { $case: 'filter', value: { datasetVersion: datasetVersionToProto(dataset) } } };
    },
  };
}
