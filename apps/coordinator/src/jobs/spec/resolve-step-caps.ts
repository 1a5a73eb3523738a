import { invalidArgument } from '@swirl/grpc-kit';
import type { StepCaps } from '@swirl/proto';
import type { TaskFamily } from '@swirl/store';
import { STEP_CAPS } from '@swirl/world';

const MAX_STEP_CAP = 50;

/** Step caps with 0 replaced by the method's caps (5 question answering, 10 math), at most 50. */
export function resolveStepCaps(caps: StepCaps | undefined, field: string): StepCaps {
  const resolved = { multiHopQa: caps?.multiHopQa || STEP_CAPS.multihop, math: caps?.math || STEP_CAPS.math };
  for (const [name, value] of [['multi_hop_qa', resolved.multiHopQa], ['math', resolved.math]] as const) {
    if (value > MAX_STEP_CAP) throw invalidArgument(`${field}.${name} must be at most ${MAX_STEP_CAP}, got ${value}`);
  }
  return resolved;
}

export function stepCapOf(caps: StepCaps, family: TaskFamily): number {
  return family === 'math' ? caps.math : caps.multiHopQa;
}
