import { confidenceInterval, evaluationMetrics, type GradedTrajectory } from './evaluation-metrics';
import { gradeAnswer } from './grade-answer';

const item = (id: string, answer: string | undefined, finish: GradedTrajectory['finishReason'], steps: number, processLabelShare?: number): GradedTrajectory => ({
  trajectoryId: id,
  questionId: `q-${id}`,
  finishReason: finish,
  steps,
  grade: finish === 'error' ? undefined : gradeAnswer(answer, ['Paris'], 'EXACT_MATCH'),
  ...(processLabelShare === undefined ? {} : { processLabelShare }),
});

describe('evaluation metrics', () => {
  it('uses the contract normal-approximation interval, clipped to [0, 1]', () => {
    const ci = confidenceInterval(45, 100, 1.96);
    expect(ci.accuracy).toBe(0.45);
    expect(ci.margin).toBeCloseTo(1.96 * Math.sqrt((0.45 * 0.55) / 100), 12);
    expect(ci.low).toBeCloseTo(0.45 - ci.margin, 12);
    expect(confidenceInterval(1, 2, 1.96)).toMatchObject({ low: 0, high: 1 });
    expect(confidenceInterval(0, 0, 1.96)).toEqual({ accuracy: 0, margin: 0, low: 0, high: 0 });
  });

  it('aggregates accuracy, F1, EM, steps and finish rates; errors are counted apart', () => {
    const m = evaluationMetrics(
      [item('a', 'Paris', 'answered', 2, 1), item('b', 'the paris', 'answered', 3, 0.5), item('c', 'Lyon', 'answered', 1), item('d', undefined, 'step_cap', 5), item('e', undefined, 'error', 1)],
      1.96,
    );
    expect(m).toMatchObject({ n: 4, correct: 2, accuracy: 0.5, errors: 1, meanSteps: 11 / 4, answeredRate: 0.75, stepCapRate: 0.25, malformedRate: 0, exactMatchRate: 0.5 });
    expect(m.meanF1).toBeCloseTo(0.5);
    expect(m.processLabelAccuracy).toBeCloseTo(0.75);
    expect(evaluationMetrics([item('a', 'Paris', 'answered', 1)], 1.96).processLabelAccuracy).toBeUndefined();
  });
});
