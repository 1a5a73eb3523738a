import { TaskFamily as ProtoTaskFamily } from '@swirl/proto';
import type { TaskFamily } from '@swirl/store';

/** The proto's family enum in store vocabulary; undefined for UNSPECIFIED ("any" in filters). */
export function familyFromProto(family: ProtoTaskFamily): TaskFamily | undefined {
  switch (family) {
    case ProtoTaskFamily.TASK_FAMILY_MULTI_HOP_QA:
      return 'multihop';
    case ProtoTaskFamily.TASK_FAMILY_MATH:
      return 'math';
    default:
      return undefined;
  }
}

export function familyToProto(family: TaskFamily): ProtoTaskFamily {
  return family === 'math' ? ProtoTaskFamily.TASK_FAMILY_MATH : ProtoTaskFamily.TASK_FAMILY_MULTI_HOP_QA;
}

/** Whether a proto enum value is a known family (an unknown number from a newer client is not). */
export function isKnownFamily(family: ProtoTaskFamily): boolean {
  return family === ProtoTaskFamily.TASK_FAMILY_UNSPECIFIED || familyFromProto(family) !== undefined;
}
