// Public surface of @swirl/proto: the generated swirl.v1 contracts (ts-proto, grpc-js services),
// the descriptor set for reflection, and small helpers. The generated code lives in ./gen and is
// written by tools/codegen/generate.sh; do not edit it by hand.

import { CoordinatorServiceService } from './gen/swirl/v1/coordinator';
import { InferenceServiceService } from './gen/swirl/v1/inference';
import { JudgeServiceService } from './gen/swirl/v1/judge';
import { LearnerServiceService } from './gen/swirl/v1/learner';
import { ToolServiceService } from './gen/swirl/v1/tools';
import { TrainerServiceService } from './gen/swirl/v1/trainer';

// One namespace per .proto file, e.g. `tools.ExecuteRequest`, `trajectory.Step`.
export * as common from './gen/swirl/v1/common';
export * as trajectory from './gen/swirl/v1/trajectory';
export * as tools from './gen/swirl/v1/tools';
export * as inference from './gen/swirl/v1/inference';
export * as judge from './gen/swirl/v1/judge';
export * as learner from './gen/swirl/v1/learner';
export * as trainer from './gen/swirl/v1/trainer';
export * as coordinator from './gen/swirl/v1/coordinator';

// The same symbols flat, e.g. `import { Step, ToolServiceService } from '@swirl/proto'`.
// Message, enum and service names are unique within the protobuf package, so only ts-proto's
// per-file helpers collide. They are re-exported once, explicitly, from common (the helper types
// are identical in every file; for a file's own `protobufFileName` use its namespace, e.g.
// `tools.protobufFileName`).
export * from './gen/swirl/v1/common';
export * from './gen/swirl/v1/trajectory';
export * from './gen/swirl/v1/tools';
export * from './gen/swirl/v1/inference';
export * from './gen/swirl/v1/judge';
export * from './gen/swirl/v1/learner';
export * from './gen/swirl/v1/trainer';
export * from './gen/swirl/v1/coordinator';
export { protobufPackage, protobufFileName, type DeepPartial, type Exact, type MessageFns } from './gen/swirl/v1/common';

// Well-known types as ts-proto represents them (Timestamp fields are `Date`, Struct fields are
// plain objects; these are the wire-level messages and their wrap/unwrap helpers).
export { Duration } from './gen/google/protobuf/duration';
export { Timestamp } from './gen/google/protobuf/timestamp';
export { Struct, Value, ListValue, NullValue } from './gen/google/protobuf/struct';

export { descriptorSetPath, readDescriptorSet } from './descriptor';
export { durationFromMs, durationToMs } from './duration';

/** grpc-js service definitions by fully-qualified service name. */
export const serviceDefinitions = {
  'swirl.v1.CoordinatorService': CoordinatorServiceService,
  'swirl.v1.InferenceService': InferenceServiceService,
  'swirl.v1.JudgeService': JudgeServiceService,
  'swirl.v1.LearnerService': LearnerServiceService,
  'swirl.v1.ToolService': ToolServiceService,
  'swirl.v1.TrainerService': TrainerServiceService,
} as const;

/** Fully-qualified name of a swirl.v1 service. */
export type ServiceName = keyof typeof serviceDefinitions;

/** Fully-qualified names of all swirl.v1 services (e.g. for health and reflection). */
export const serviceNames: readonly ServiceName[] = Object.keys(serviceDefinitions) as ServiceName[];
