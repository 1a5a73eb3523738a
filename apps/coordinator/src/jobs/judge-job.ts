import { invalidArgument } from '@swirl/grpc-kit';
import { OutcomeGrader, OutcomeLabel, type JobResult, type JobSpec, type JudgeInfo, type JudgeResult, type JudgeSpec, type OutcomeJudgeItem } from '@swirl/proto';
import type { TaskFamily, TrajectoryStore } from '@swirl/store';
import { familyToProto } from '../convert/task-family';
import { JUDGE_LIMITS, type JudgeCalls } from '../judging/judge-calls';
import { StepJudgeBatcher } from '../judging/step-judge-batcher';
import { graderId, outcomeVerdictRecord } from '../judging/verdict-records';
import type { JobHandler, RunningJob } from './job-handler';
import { checkSelector, selectTrajectories } from './select-trajectories';

export interface JudgeJobDeps {
  readonly store: TrajectoryStore;
  readonly judge: JudgeCalls;
}

const MAX_VOTES = 16;

function specOf(spec: JobSpec): JudgeSpec {
  if (spec.spec?.$case !== 'judge') throw new Error('not a JUDGE spec');
  return spec.spec.value;
}

/** The contract's family default when no grader is requested. */
export function outcomeGraderFor(requested: OutcomeGrader, family: TaskFamily): OutcomeGrader {
  if (requested !== OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED) return requested;
  return family === 'math' ? OutcomeGrader.OUTCOME_GRADER_NUMERIC : OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH;
}

/** Tallies of a JUDGE job, reused (stored) verdicts included. */
class Tally {
  steps = 0;
  good = 0;
  graded = 0;
  yes = 0;
  reused = 0;

  result(): JudgeResult {
    return {
      stepsJudged: this.steps,
      stepGoodRate: this.steps === 0 ? 0 : this.good / this.steps,
      trajectoriesGraded: this.graded,
      outcomeYesRate: this.graded === 0 ? 0 : this.yes / this.graded,
      reusedVerdicts: this.reused,
    };
  }
}

/**
 * JUDGE: process verdicts on every step and/or outcome verdicts on every final answer of the
 * selected trajectories, from the judge service, stored as they arrive (batch by batch). Steps
 * and answers that already carry a verdict of the same judge version are not sent again unless
 * `rejudge`, so a resumed job continues where it stopped.
 */
export function createJudgeJobHandler(deps: JudgeJobDeps): JobHandler {
  return {
    kind: 'judge',

    async prepare(spec, signal) {
      const j = specOf(spec);
      await checkSelector(deps.store, j.trajectories, 'judge.trajectories');
      if (!j.process && !j.outcome) throw invalidArgument('judge needs process, outcome or both set to true');
      if (j.samples > MAX_VOTES) throw invalidArgument(`judge.samples must be at most ${MAX_VOTES}, got ${j.samples}`);
      if (OutcomeGrader[j.outcomeGrader] === undefined) throw invalidArgument(`judge.outcome_grader has unknown value ${j.outcomeGrader}`);
      const processJudgeId = j.process ? (await deps.judge.processJudge(j.processJudgeId, signal)).id : j.processJudgeId;
      return { spec: { $case: 'judge', value: { ...j, processJudgeId } } };
    },

    async run(job: RunningJob): Promise<JobResult> {
      const j = specOf(job.spec);
      const { store } = deps;
      const trajectories = await selectTrajectories(store, j.trajectories!);
      job.progress.startStage('judge', 'trajectories', trajectories.length);
      const processJudge = j.process ? await deps.judge.processJudge(j.processJudgeId, job.signal) : undefined;
      const graders = j.outcome ? await deps.judge.outcomeGraders(job.signal) : [];
      const tally = new Tally();
      const steps =
        processJudge === undefined
          ? undefined
          : new StepJudgeBatcher(store, deps.judge, { judge: processJudge, samples: j.samples, rejudge: j.rejudge }, job.signal, (_ref, outcome) => {
              tally.steps += 1;
              if (outcome.label === 'GOOD') tally.good += 1;
              if (outcome.reused) tally.reused += 1;
              job.progress.setCounter('step_good_rate', tally.good / tally.steps);
            });
      const outcomeItems: OutcomeJudgeItem[] = [];
      const flushOutcomes = async () => {
        if (outcomeItems.length === 0) return;
        const batch = outcomeItems.splice(0);
        const res = await deps.judge.judgeOutcome({ grader: j.outcomeGrader, f1Threshold: 0, samples: j.samples, items: batch, graderModel: undefined, bypassCache: j.rejudge }, job.signal);
        await store.recordOutcomeVerdicts(res.judgments.map((r, i) => outcomeVerdictRecord(batch[i]!.itemId, r.verdict!)));
        for (const r of res.judgments) {
          tally.graded += 1;
          if (r.verdict!.label === OutcomeLabel.OUTCOME_LABEL_YES) tally.yes += 1;
          if (r.cacheHit) tally.reused += 1;
        }
      };

      for (const t of trajectories) {
        if (job.signal.aborted) break;
        const full = (await store.getTrajectory(t.id))!;
        const question = (await store.getQuestion(t.questionId))!;
        await steps?.addTrajectory(full, question);
        if (j.outcome && question.goldAnswers.length > 0) {
          const grader = outcomeGraderFor(j.outcomeGrader, question.family);
          const info: JudgeInfo | undefined = graders.find((g) => g.grader === grader);
          const stored = info === undefined ? [] : await store.listOutcomeVerdicts({ trajectoryId: t.id, judge: { id: graderId(grader), version: info.version } });
          if (stored.length > 0 && !j.rejudge) {
            tally.graded += 1;
            tally.reused += 1;
            if (stored[0]!.correct) tally.yes += 1;
          } else {
            outcomeItems.push({ itemId: t.id, predictedAnswer: t.finalAnswer ?? '', goldAnswers: [...question.goldAnswers], question: question.text, family: familyToProto(question.family) });
            if (outcomeItems.length >= JUDGE_LIMITS.outcomes) await flushOutcomes();
          }
        }
        job.progress.advance({ completed: 1 });
      }
      if (!job.signal.aborted) {
        await steps?.flush();
        await flushOutcomes();
      }
      return { result: { $case: 'judge', value: tally.result() } };
    },
  };
}
