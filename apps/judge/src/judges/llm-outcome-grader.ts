import { gradeOutcome, OUTCOME_GRADER_PROMPTS, outcomeGraderMessages, voteSeed, type OutcomeGraderPromptVariant } from '@swirl/judging';
import { OutcomeGrader, OutcomeLabel, type ModelRef } from '@swirl/proto';
import type { InferenceBackend } from '../llm/inference-backend';
import { countVotes } from '../llm/vote-verdict';
import type { OutcomeGraderBackend } from './outcome-grader';

export interface LlmGraderSettings {
  readonly model: ModelRef;
  readonly prompt: OutcomeGraderPromptVariant;
  readonly defaultSamples: number;
  readonly temperature: number;
  readonly maxNewTokens: number;
}

/**
 * The paper's evaluation grader: YES/NO against the answer key, asked of an LLM, majority over
 * samples; score = share of YES votes. There is no ABSTAIN for outcomes: a tie, unreadable votes
 * or a timeout grade NO, and the rationale says which. F1, precision, recall and exact match are
 * computed as for every grader.
 */
export function createLlmOutcomeGrader(backend: InferenceBackend, settings: LlmGraderSettings): OutcomeGraderBackend {
  const modelText = (m: ModelRef) => `${m.name}@${m.version || 'active'}`;
  const prompt = OUTCOME_GRADER_PROMPTS[settings.prompt];
  return {
    id: 'outcome-llm',
    grader: OutcomeGrader.OUTCOME_GRADER_LLM,
    backend: 'llm',
    description: `LLM grader: YES/NO against the answer key (${prompt.version}) on the inference service, majority vote; unreadable, tied or timed-out votes grade NO.`,
    defaultSamples: settings.defaultSamples,
    model: settings.model,
    listedVersion: `${prompt.version}+${modelText(settings.model)}`,
    async prepare(request, budget) {
      const model = await backend.resolveModel(request.model?.name ? request.model : settings.model, budget);
      const version = `${prompt.version}+${modelText(model)}`;
      const samples = request.samples > 0 ? request.samples : settings.defaultSamples;
      return {
        version,
        samples,
        readsQuestion: true,
        async grade(item, cacheKey, callBudget) {
          const overlap = gradeOutcome({ predicted: item.predicted, golds: item.golds, grader: 'exact-match' });
          const base = {
            f1: overlap.f1,
            precision: overlap.precision,
            recall: overlap.recall,
            exactMatch: overlap.exactMatch,
            predictedAnswer: item.predicted,
            matchedGoldAnswer: overlap.matchedGold,
            grader: OutcomeGrader.OUTCOME_GRADER_LLM,
            graderVersion: version,
            graderModel: model,
            createTime: new Date(),
          };
          const no = (rationale: string) => ({ ...base, label: OutcomeLabel.OUTCOME_LABEL_NO, score: 0, rationale });
          if (item.predicted.trim() === '') return { cacheable: true, verdict: no('no answer was given') };
          const outcome = await backend.generate(
            { model, messages: outcomeGraderMessages(item, settings.prompt), samples, seed: voteSeed(cacheKey), temperature: settings.temperature, maxNewTokens: settings.maxNewTokens },
            callBudget,
          );
          if (outcome.kind === 'timeout') return { cacheable: false, abstainReason: 'timeout', verdict: no(`ABSTAIN (graded NO): ${outcome.detail}`) };
          if (outcome.kind === 'rejected') return { cacheable: true, abstainReason: 'context', verdict: no(`ABSTAIN (graded NO): the inference service refused the grader prompt: ${outcome.detail}`) };
          const counted = countVotes(outcome.texts, ['YES', 'NO']);
          const yes = counted.label === 'YES';
          const rationale = counted.abstainReason === undefined ? counted.rationale : counted.rationale.replace(/^ABSTAIN/, 'ABSTAIN (graded NO)');
          return {
            cacheable: true,
            ...(counted.abstainReason === undefined ? {} : { abstainReason: counted.abstainReason }),
            verdict: { ...base, label: yes ? OutcomeLabel.OUTCOME_LABEL_YES : OutcomeLabel.OUTCOME_LABEL_NO, score: counted.votes === 0 ? 0 : counted.counts.YES / counted.votes, rationale },
          };
        },
      };
    },
  };
}
