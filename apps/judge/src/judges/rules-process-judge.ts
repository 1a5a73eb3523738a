import { judgeStepByRules, RULES, RULES_VERSION } from '@swirl/judging';
import { VerdictLabel } from '@swirl/proto';
import type { ProcessJudge } from './process-judge';

/** The embedded default: the rules over the action grammar and the tool results. One vote, score 1 or 0. */
export function createRulesProcessJudge(): ProcessJudge {
  const prepared = {
    version: RULES_VERSION,
    samples: 1,
    judge: async (step: Parameters<typeof judgeStepByRules>[0]) => {
      const v = judgeStepByRules(step);
      const good = v.label === 'good';
      return {
        cacheable: true,
        verdict: {
          label: good ? VerdictLabel.VERDICT_LABEL_GOOD : VerdictLabel.VERDICT_LABEL_BAD,
          score: good ? 1 : 0,
          rationale: v.rationale,
          judgeId: 'rules',
          judgeVersion: RULES_VERSION,
          votes: 1,
          goodVotes: good ? 1 : 0,
          judgeModel: undefined,
          createTime: new Date(),
        },
      };
    },
  };
  return {
    id: 'rules',
    backend: 'rules',
    description: `Deterministic rules from the paper's judging rules, each named in the rationale: ${RULES.map((r) => r.id).join(', ')}. Judges only the last action given its prefix; no gold answer.`,
    defaultSamples: 1,
    listedVersion: RULES_VERSION,
    prepare: async () => prepared,
  };
}
