import type { MistakeKind } from './mistake-options';

/** Ground truth for one step: whether it is a sound action, and which mistake it is if not. */
export interface StepLabel {
  readonly good: boolean;
  readonly mistake?: MistakeKind;
  /** True for a mistake that came from a systematic context rather than chance. */
  readonly systematic?: boolean;
}

/** One model turn of a trajectory and the tool's response to it. */
export interface TeacherStep {
  /** The assistant turn: brief reasoning and exactly one action tag. */
  readonly action: string;
  /** `QUERY -> RESULT` for tool calls; absent for the answer. */
  readonly observation?: string;
  readonly label: StepLabel;
}

export interface TeacherTrajectory {
  readonly questionId: string;
  readonly seed: number;
  readonly steps: readonly TeacherStep[];
  /** The content of the `<answer>` tag (always present: the teacher reserves a step for it). */
  readonly finalAnswer: string;
  /** Whether the final answer matches the question's gold answer. */
  readonly correct: boolean;
}
