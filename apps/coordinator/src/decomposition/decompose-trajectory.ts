import { buildStepState, stepId, type ChatMessage, type Step } from '@swirl/store';

/** One (state, action) example of step-wise decomposition (method section 2). */
export interface StepExampleParts<S extends Pick<Step, 'index' | 'action' | 'observation'> = Step> {
  /** `<trajectory id>/<step index>`. */
  readonly exampleId: string;
  readonly trajectoryId: string;
  readonly stepIndex: number;
  /** s_i: the prompt, then every earlier action and (when not empty) its observation. */
  readonly state: readonly ChatMessage[];
  /** The step whose action a_i is the target; its prefix token ids are s_i's tokens. */
  readonly step: S;
}

/**
 * A trajectory s1, a1, ..., sK, aK as K examples (s_i, a_i): sub-trajectories are prefixes, tool
 * responses are part of them, and the final-answer step is an example too. States are built by
 * the store's rule (buildStepState), so they equal what the policy was fed.
 */
export function decomposeTrajectory<S extends Pick<Step, 'index' | 'action' | 'observation'>>(trajectory: {
  readonly id: string;
  readonly prompt: readonly ChatMessage[];
  readonly steps: readonly S[];
}): StepExampleParts<S>[] {
  return trajectory.steps.map((step, i) => ({
    exampleId: stepId({ trajectoryId: trajectory.id, index: i }),
    trajectoryId: trajectory.id,
    stepIndex: i,
    state: buildStepState(trajectory.prompt, trajectory.steps, i),
    step,
  }));
}
