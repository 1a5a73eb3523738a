/** One concrete version of a policy or judge model, e.g. `{ name: 'swirl-tiny', version: 'base' }`. */
export interface ModelRef {
  readonly name: string;
  readonly version: string;
}

/** A judge or grader and the version of its rules/prompt; verdicts of different versions differ. */
export interface JudgeRef {
  readonly id: string;
  readonly version: string;
}
