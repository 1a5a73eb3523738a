import { parseAction } from '@swirl/actions';
import { invalidArgument } from '@swirl/grpc-kit';
import { needsOutcomeVerdict, type FilterStrategy } from '@swirl/judging';
import { ActionKind, FilterStrategy as Strategy, type FilterRequest, type Trajectory } from '@swirl/proto';
import type { TrajectorySource } from '../trajectories/trajectory-source';
import { roleOf } from './proto-mapping';
import type { ReplyBudget } from './reply-budget';
import { REQUEST_LIMITS } from './request-limits';

const STRATEGIES: ReadonlyMap<Strategy, FilterStrategy> = new Map([
  [Strategy.FILTER_STRATEGY_NONE, 'none'],
  [Strategy.FILTER_STRATEGY_PROCESS, 'process'],
  [Strategy.FILTER_STRATEGY_OUTCOME, 'outcome'],
  [Strategy.FILTER_STRATEGY_PROCESS_AND_OUTCOME, 'process+outcome'],
]);

export function strategyOf(strategy: Strategy): FilterStrategy {
  const s = STRATEGIES.get(strategy);
  if (s === undefined) throw invalidArgument('FilterRequest.strategy is not set: use NONE, PROCESS, OUTCOME or PROCESS_AND_OUTCOME');
  return s;
}

/** The final answer of a trajectory: its final_answer, else the answer of its last step (parsed from its text if need be). */
export function finalAnswerOf(t: Trajectory): string {
  if (t.finalAnswer !== '') return t.finalAnswer;
  const last = t.steps[t.steps.length - 1]?.action;
  if (last === undefined) return '';
  if (last.kind === ActionKind.ACTION_KIND_FINAL_ANSWER && last.parsed?.$case === 'answer') return last.parsed.value;
  const parsed = parseAction(last.rawText);
  return parsed.kind === 'answer' ? parsed.answer : '';
}

const nameOf = (t: Trajectory, i: number) => (t.id === '' ? `trajectories[${i}]` : `trajectory "${t.id}"`);

/** The trajectories a Filter request is about, fetched if passed by id, and checked. */
export async function filterInput(request: FilterRequest, strategy: FilterStrategy, source: TrajectorySource, budget: ReplyBudget): Promise<Trajectory[]> {
  const input = request.input;
  if (input === undefined) throw invalidArgument('FilterRequest needs its input: trajectories (inline) or trajectory_ids');
  const count = input.$case === 'trajectories' ? input.value.trajectories.length : input.value.ids.length;
  if (count === 0) throw invalidArgument(`FilterRequest.${input.$case === 'trajectories' ? 'trajectories' : 'trajectory_ids'} is empty: pass 1 to ${REQUEST_LIMITS.maxTrajectories} trajectories`);
  if (count > REQUEST_LIMITS.maxTrajectories) {
    throw invalidArgument(`FilterRequest holds ${count} trajectories; at most ${REQUEST_LIMITS.maxTrajectories} per call: page through them (the coordinator's FILTER job does)`);
  }
  const trajectories = input.$case === 'trajectories' ? input.value.trajectories : await source.fetch(input.value.ids, budget);
  trajectories.forEach((t, i) => {
    if (t.steps.length === 0) throw invalidArgument(`${nameOf(t, i)} has no steps: only generated trajectories can be filtered`);
    t.prompt.forEach((m, j) => {
      if (roleOf(m.role) === undefined) throw invalidArgument(`${nameOf(t, i)}.prompt[${j}].role is not set: use SYSTEM, USER, ASSISTANT or TOOL`);
    });
    if (needsOutcomeVerdict(strategy) && !(t.task?.goldAnswers ?? []).some((g) => g.trim() !== '')) {
      throw invalidArgument(`${nameOf(t, i)} has no gold answers (task.gold_answers), which the ${strategy} strategy needs to grade its final answer`);
    }
  });
  return trajectories;
}
