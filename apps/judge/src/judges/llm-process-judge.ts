import { STEP_JUDGE_PROMPTS, stepJudgeMessages, voteSeed, type StepJudgePromptVariant } from '@swirl/judging';
import { VerdictLabel, type ModelRef, type Verdict } from '@swirl/proto';
import type { InferenceBackend } from '../llm/inference-backend';
import { countVotes } from '../llm/vote-verdict';
import type { FreshVerdict, ProcessJudge } from './process-judge';

export interface LlmJudgeSettings {
  readonly model: ModelRef;
  readonly prompt: StepJudgePromptVariant;
  readonly defaultSamples: number;
  readonly temperature: number;
  readonly maxNewTokens: number;
  readonly maxTranscriptChars: number;
}

const modelText = (m: ModelRef) => `${m.name}@${m.version || 'active'}`;

/**
 * The paper's GOOD/BAD judge on an inference backend: k samples of the prompt with seeds derived
 * from the item, majority vote, score = share of GOOD votes. An item whose votes cannot be read,
 * that ties, or whose time runs out is ABSTAIN, with the reason in the rationale.
 */
export function createLlmProcessJudge(backend: InferenceBackend, settings: LlmJudgeSettings): ProcessJudge {
  const prompt = STEP_JUDGE_PROMPTS[settings.prompt];
  return {
    id: 'llm',
    backend: 'llm',
    description: `LLM judge: the paper's GOOD/BAD prompt (${prompt.version}) on the inference service, majority vote over samples; unreadable or tied votes and timeouts are ABSTAIN.`,
    defaultSamples: settings.defaultSamples,
    model: settings.model,
    listedVersion: `${prompt.version}+${modelText(settings.model)}`,
    async prepare(request, budget) {
      const model = await backend.resolveModel(request.model?.name ? request.model : settings.model, budget);
      const version = `${prompt.version}+${modelText(model)}`;
      const samples = request.samples > 0 ? request.samples : settings.defaultSamples;
      const verdict = (fields: Partial<Verdict>): Verdict => ({
        label: VerdictLabel.VERDICT_LABEL_ABSTAIN,
        score: 0,
        rationale: '',
        judgeId: 'llm',
        judgeVersion: version,
        votes: 0,
        goodVotes: 0,
        judgeModel: model,
        createTime: new Date(),
        ...fields,
      });
      return {
        version,
        samples,
        async judge(step, cacheKey, callBudget): Promise<FreshVerdict> {
          const messages = stepJudgeMessages(step, settings.prompt, { maxTranscriptChars: settings.maxTranscriptChars });
          const outcome = await backend.generate(
            { model, messages, samples, seed: voteSeed(cacheKey), temperature: settings.temperature, maxNewTokens: settings.maxNewTokens },
            callBudget,
          );
          if (outcome.kind === 'timeout') return { cacheable: false, abstainReason: 'timeout', verdict: verdict({ rationale: `ABSTAIN: ${outcome.detail}` }) };
          if (outcome.kind === 'rejected') {
            return { cacheable: true, abstainReason: 'context', verdict: verdict({ rationale: `ABSTAIN: the inference service refused the judge prompt: ${outcome.detail}` }) };
          }
          const counted = countVotes(outcome.texts, ['GOOD', 'BAD']);
          const label = counted.label === 'GOOD' ? VerdictLabel.VERDICT_LABEL_GOOD : counted.label === 'BAD' ? VerdictLabel.VERDICT_LABEL_BAD : VerdictLabel.VERDICT_LABEL_ABSTAIN;
          const good = counted.counts.GOOD;
          return {
            cacheable: true,
            ...(counted.abstainReason === undefined ? {} : { abstainReason: counted.abstainReason }),
            verdict: verdict({ label, score: counted.votes === 0 ? 0 : good / counted.votes, rationale: counted.rationale, votes: counted.votes, goodVotes: good }),
          };
        },
      };
    },
  };
}
