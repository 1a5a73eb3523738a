import { formatAction, type WellFormedAction } from '@swirl/actions';
import type { WorldTools } from '../tools/world-tools';
import type { StepLabel, TeacherStep } from './teacher-trajectory-types';

/** Step caps of the method: 5 actions for question answering, 10 for math. */
export const STEP_CAPS = Object.freeze({ multihop: 5, math: 10 } as const);

/**
 * Writes a trajectory step by step, running every tool call for real, and keeps the count
 * within the cap. `spare` tells the teacher how many extra steps a mistake may still take
 * while leaving room for the rest of the plan and the answer.
 */
export class StepRecorder {
  readonly steps: TeacherStep[] = [];

  constructor(private readonly tools: WorldTools, readonly cap: number) {}

  /** Steps left over after `remainingPlanned` planned tool calls and the answer. */
  spare(remainingPlanned: number): number {
    return this.cap - this.steps.length - remainingPlanned - 1;
  }

  search(reasoning: string, query: string, label: StepLabel): void {
    this.record({ kind: 'search', reasoning, query }, this.tools.searchObservation(query), label);
  }

  /** Runs the calculator and returns its result text (undefined on a calculator error). */
  calculate(reasoning: string, expression: string, label: StepLabel): string | undefined {
    const { observation, result } = this.tools.calculateObservation(expression);
    this.record({ kind: 'calculate', reasoning, expression }, observation, label);
    return result;
  }

  answer(reasoning: string, answer: string, label: StepLabel): void {
    this.record({ kind: 'answer', reasoning, answer }, undefined, label);
  }

  private record(action: WellFormedAction, observation: string | undefined, label: StepLabel): void {
    if (this.steps.length >= this.cap) throw new Error(`teacher bug: step cap ${this.cap} exceeded`);
    this.steps.push(observation === undefined ? { action: formatAction(action), label } : { action: formatAction(action), observation, label });
  }
}
