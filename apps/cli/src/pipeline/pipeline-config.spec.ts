import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePipelineConfig, ConfigError, loadPipelineConfig } from './pipeline-config';

describe('compilePipelineConfig', () => {
  it('fills every default from an empty file, frozen', () => {
    const config = compilePipelineConfig(null);
    expect(config).toMatchObject({
      name: 'main',
      seed: 1,
      trainFamily: 'math',
      filter: 'process',
      judge: 'rules',
      policy: { name: 'swirl-tiny', version: 'base' },
      synthesize: { questions: 200, samplesPerQuestion: 4, temperature: 1 },
      train: { algorithm: 'swirl', updates: 30, samplesPerState: 4, learningRate: 5e-5, klCoef: 0.02, exportEvery: 1 },
      evaluate: { split: 'test', questionsPerFamily: 200, crossFamilyQuestions: 200, families: ['math', 'multihop'], temperature: 1 },
      reportDir: 'var/reports/main',
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.train)).toBe(true);
  });

  it('takes snake_case settings from the file', () => {
    const config = compilePipelineConfig({ name: 'quick', train_family: 'multihop', train: { updates: 3, samples_per_state: 2 }, evaluate: { families: ['multihop'] } });
    expect(config.trainFamily).toBe('multihop');
    expect(config.train.updates).toBe(3);
    expect(config.train.samplesPerState).toBe(2);
    expect(config.evaluate.families).toEqual(['multihop']);
    expect(config.reportDir).toBe('var/reports/quick');
  });

  it('sizes the cross-family check separately, defaulting to the trained family', () => {
    expect(compilePipelineConfig({ evaluate: { questions_per_family: 300 } }).evaluate.crossFamilyQuestions).toBe(300);
    expect(compilePipelineConfig({ evaluate: { questions_per_family: 300, cross_family_questions: 100 } }).evaluate).toMatchObject({ questionsPerFamily: 300, crossFamilyQuestions: 100 });
    expect(() => compilePipelineConfig({ evaluate: { cross_family_questions: 0 } })).toThrow('evaluate.cross_family_questions must be at least 1');
  });

  it.each([
    [{ trian: {} }, 'trian is not a setting'],
    [{ train: { updatez: 3 } }, 'train.updatez is not a setting'],
    [{ train: { updates: 2.5 } }, 'train.updates must be a whole number'],
    [{ train: { samples_per_state: 1 } }, 'train.samples_per_state must be at least 2'],
    [{ synthesize: { questions: '10' } }, 'synthesize.questions must be a number'],
    [{ filter: 'proces' }, 'filter must be one of none, process, outcome, process+outcome'],
    [{ evaluate: { families: [] } }, 'evaluate.families must be a non-empty list'],
    [{ evaluate: { families: ['poetry'] } }, 'evaluate.families has "poetry"'],
    [{ name: '../etc' }, 'name may only use letters'],
    [{ policy: 'swirl' }, 'policy must be a mapping'],
  ])('rejects %j with a message naming the setting', (document, message) => {
    expect(() => compilePipelineConfig(document, 'x.yaml')).toThrow(ConfigError);
    expect(() => compilePipelineConfig(document, 'x.yaml')).toThrow(message);
  });
});

describe('loadPipelineConfig', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'swirl-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads YAML files', () => {
    writeFileSync(join(dir, 'p.yaml'), '# quick\nname: quick\ntrain:\n  updates: 2\n');
    expect(loadPipelineConfig(join(dir, 'p.yaml')).train.updates).toBe(2);
  });

  it('names the file when it is missing or not YAML', () => {
    expect(() => loadPipelineConfig(join(dir, 'none.yaml'))).toThrow(/cannot read pipeline config .*none\.yaml/);
    writeFileSync(join(dir, 'bad.yaml'), 'train: [1, 2\n');
    expect(() => loadPipelineConfig(join(dir, 'bad.yaml'))).toThrow(/bad\.yaml is not valid YAML/);
  });
});
