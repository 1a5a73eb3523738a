// The pure judging logic of SWiRL: the rules process judge, the outcome graders, the LLM judge's
// prompts, verdict parsing and voting, verdict cache keys, and the filter strategies. No I/O:
// the judge service (apps/judge) wires these to gRPC, the inference service and a cache.

export type { ChatRole, ChatTurn, StepToJudge, TaskFamily } from './conversation/chat-turn';

// Process judge: rules.
export { RULES, RULES_VERSION, judgeStepByRules, type RulesVerdict } from './rules/rules-judge';
export type { Rule } from './rules/rule';

// Outcome graders.
export { OUTCOME_GRADERS_VERSION, defaultGrader, gradeOutcome, type GradeRequest, type OutcomeGrade, type OutcomeGraderKind } from './outcome/grade-outcome';
export { normaliseAnswer } from './outcome/normalise-answer';
export { tokenOverlap, type TokenOverlap } from './outcome/token-overlap';
export { readNumericAnswer, numericallyEqual, type NumericAnswer } from './outcome/numeric-answer';

// LLM judge and grader.
export { STEP_JUDGE_PROMPTS, stepJudgeMessages, type PromptLimits, type StepJudgePromptVariant } from './llm/step-judge-prompt';
export { OUTCOME_GRADER_PROMPTS, outcomeGraderMessages, type OutcomeGraderPromptVariant, type OutcomeToGrade } from './llm/outcome-grader-prompt';
export { renderTranscript } from './llm/render-transcript';
export { parseVerdict, type ParsedVerdict } from './llm/parse-verdict';
export { majorityVote, type VoteTally } from './llm/majority-vote';
export { voteSeed } from './llm/vote-seed';

// Verdict cache keys.
export { actionHash, outcomeVerdictKey, prefixHash, stepVerdictKey, type OutcomeVerdictKeyParts, type StepVerdictKeyParts } from './cache/verdict-keys';

// Filter strategies.
export { decideTrajectory, needsOutcomeVerdict, needsProcessVerdicts, type FilterDecision, type FilterStrategy, type RejectionReason, type TrajectoryEvidence } from './filter/filter-strategy';
export { stepStates, type StoredStep } from './filter/step-states';
