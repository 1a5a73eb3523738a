import type { PipelineReport } from '../report-data';

/** A report shaped like the main job's, with awkward text (pipes, markup) in it. */
export function sampleReport(): PipelineReport {
  return {
    title: 'SWiRL <main job> | seed 1',
    createdAt: '2026-11-26T12:00:00.000Z',
    provenance: { 'policy model': 'swirl-tiny@base', 'world seed': 1, 'judge': 'rules/1', 'prompt version': 'swirl-world-prompts/1', resumed: false },
    decoding: 'temperature 1.0, seed per question',
    evaluations: [
      { model: 'base', modelVersion: 'base', family: 'math', n: 200, correct: 80, accuracy: 0.4, ciLow: 0.335, ciHigh: 0.469, meanSteps: 3.2, malformedRate: 0.05 },
      { model: 'swirl', modelVersion: 'run-1/update-30', family: 'math', n: 200, correct: 120, accuracy: 0.6, ciLow: 0.531, ciHigh: 0.665, meanSteps: 3.4, malformedRate: 0.01 },
      { model: 'base', modelVersion: 'base', family: 'multihop', n: 200, correct: 70, accuracy: 0.35, ciLow: 0.287, ciHigh: 0.418, meanSteps: 2.5, malformedRate: 0.1 },
      { model: 'swirl', modelVersion: 'run-1/update-30', family: 'multihop', n: 200, correct: 72, accuracy: 0.36, ciLow: 0.296, ciHigh: 0.429, meanSteps: 2.6, malformedRate: 0.08 },
    ],
    comparisons: [
      { family: 'math', baseModel: 'base', trainedModel: 'swirl', baseAccuracy: 0.4, trainedAccuracy: 0.6, trainedOnly: 50, baseOnly: 10, paired: 200, pValue: 1.2e-7, intervalsSeparate: true, trainedOnFamily: true },
      { family: 'multihop', baseModel: 'base', trainedModel: 'swirl', baseAccuracy: 0.35, trainedAccuracy: 0.36, trainedOnly: 12, baseOnly: 10, paired: 200, pValue: 0.83, intervalsSeparate: false, trainedOnFamily: false },
    ],
    filters: [{ strategy: 'process', trajectories: 400, keptTrajectories: 250, steps: 1400, keptSteps: 1100 }],
    training: [{ run: 'run-1', algorithm: 'swirl', points: [{ update: 1, reward: 0.8, kl: 0, loss: 0.1 }, { update: 2, reward: 0.85, kl: 0.01, loss: 0.09 }, { update: 3, reward: 0.9, kl: 0.02, loss: 0.08 }] }],
    judgeQuality: [{ judge: 'rules/1', labelledSteps: 900, precision: 0.93, recall: 0.91 }],
    stages: [{ stage: 'synthesize', seconds: 120.5 }, { stage: 'train', seconds: 300 }],
    notes: ['cross-family result reported as measured'],
  };
}
