// Randomness
export { SeededRandom, hashLabel } from './random/seeded-random';

// Knowledge base
export { SPLITS, entityOf } from './knowledge/entities';
export type { City, Company, Country, Entity, EntityCounts, EntityPool, EntityType, Mountain, Person, Split } from './knowledge/entities';
export { MAX_ARTICLE_CHARS, writeArticle, writeArticles } from './knowledge/write-article';
export type { Article } from './knowledge/write-article';

// Questions and the world
export { FAMILIES } from './world/world-question';
export type { CalculationStep, Family, Hop, Operand, Operator, WorldQuestion } from './world/world-question';
export { MULTIHOP_TEMPLATES } from './multihop/multihop-templates';
export { MATH_TEMPLATES } from './math/math-templates';
export { expressionOf } from './math/calculation-builder';
export { DEFAULT_ENTITY_COUNTS, DEFAULT_WORLD_SIZES, resolveWorldConfig } from './world/world-options';
export type { WorldConfig, WorldOptions } from './world/world-options';
export { generateWorld } from './world/generate-world';
export type { World } from './world/generate-world';

// Tools
export { createWorldTools } from './tools/world-tools';
export type { WorldTools, WorldToolsOptions } from './tools/world-tools';

// Teacher
export { DEFAULT_MISTAKES, MISTAKE_KINDS, NO_MISTAKES, resolveMistakeConfig } from './teacher/mistake-options';
export type { MistakeConfig, MistakeKind, MistakeOptions } from './teacher/mistake-options';
export { SYSTEMATIC_MISTAKES, systematicMistakeFor } from './teacher/systematic-mistakes';
export type { SystematicMistake } from './teacher/systematic-mistakes';
export { STEP_CAPS } from './teacher/step-recorder';
export { answersMatch } from './teacher/answers-match';
export { teacherTrajectory } from './teacher/teacher-trajectory';
export type { TeacherOptions } from './teacher/teacher-trajectory';
export type { StepLabel, TeacherStep, TeacherTrajectory } from './teacher/teacher-trajectory-types';

// Prompts and export
export { PROMPT_VERSION, renderConversation, systemPrompt, userPrompt } from './prompts';
export type { ChatMessage, ConversationStep } from './prompts';
export { exportWorld } from './export/export-world';
export type { ExportOptions, ExportedFiles } from './export/export-world';
export { copyWorldConversations, heldOutWords } from './export/copy-world';
export type { CopyWorldConversation, CopyWorldConversations, CopyWorldOptions } from './export/copy-world';
