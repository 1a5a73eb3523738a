import { TaskFamily } from '@swirl/proto';
import { compilePipelineConfig } from './pipeline-config';
import { evaluateSpecs, hyperParameters } from './stage-specs';

describe('evaluateSpecs', () => {
  const config = compilePipelineConfig({ train_family: 'math', evaluate: { questions_per_family: 300, cross_family_questions: 100, temperature: 1 } });
  const specs = evaluateSpecs(config, [config.policy], '/tmp/r');
  const worldOf = (i: number) => {
    const s = specs[i]!.spec;
    if (s?.$case !== 'evaluate' || s.value.tasks?.source?.$case !== 'syntheticWorld') throw new Error('not a world evaluation');
    return { world: s.value.tasks.source.value, sampling: s.value.sampling! };
  };

  it('asks the trained family for questions_per_family and the others for cross_family_questions', () => {
    expect(worldOf(0).world).toMatchObject({ family: TaskFamily.TASK_FAMILY_MATH, count: 300, split: 'test' });
    expect(worldOf(1).world).toMatchObject({ family: TaskFamily.TASK_FAMILY_MULTI_HOP_QA, count: 100, split: 'test' });
  });

  it('seeds sampled evaluation (same draws for base and trained) and leaves greedy unseeded', () => {
    expect(worldOf(0).sampling).toMatchObject({ temperature: 1, seed: config.seed });
    const greedy = evaluateSpecs(compilePipelineConfig({ evaluate: { temperature: 0 } }), [config.policy], '/tmp/r')[0]!.spec;
    expect(greedy?.$case === 'evaluate' && greedy.value.sampling?.seed).toBeFalsy();
  });
});

describe('hyperParameters', () => {
  it('exports every update by default (on-policy sampling)', () => {
    expect(hyperParameters(compilePipelineConfig(null)).exportEvery).toBe(1);
  });
});
