import { status } from '@grpc/grpc-js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithData } from '../testing/data-dir.test-support';
import { gsm8kFinalAnswer, loadGsm8kTasks } from './gsm8k-tasks';
import { loadHotpotqaTasks } from './hotpotqa-tasks';
import { loadMusiqueTasks } from './musique-tasks';

describeWithData('benchmark task sources over the real data directory', (dataDir) => {
  it('reads GSM8K with the final answer after ####, ids by line', () => {
    const train = loadGsm8kTasks(dataDir, 'train');
    expect(train).toHaveLength(7473);
    expect(loadGsm8kTasks(dataDir, 'test')).toHaveLength(1119);
    expect(train[0]).toMatchObject({ id: 'gsm8k/train/0', source: 'gsm8k', family: 'math', dataset: 'gsm8k', split: 'train', corpus: '', metadata: { line: 1 } });
    expect(train[0]!.question).toMatch(/^Natalia sold clips/);
    expect(train[0]!.goldAnswers).toEqual(['72']);
    expect(train.every((t) => t.goldAnswers.length === 1 && /^-?[\d.]+$/.test(t.goldAnswers[0]!))).toBe(true);
  });

  it('reads HotPotQA dev (distractor file) with its corpus name and the train sample', () => {
    const dev = loadHotpotqaTasks(dataDir, 'dev');
    expect(dev).toHaveLength(300);
    expect(dev[0]).toMatchObject({ source: 'hotpotqa', family: 'multihop', corpus: 'hotpotqa-dev', split: 'dev' });
    expect(dev[0]!.id).toMatch(/^hotpotqa\/dev\/[0-9a-f]{24}$/);
    expect(dev[0]!.metadata['supporting_titles']).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(loadHotpotqaTasks(dataDir, 'train')).toHaveLength(100);
    const simplified = loadHotpotqaTasks(dataDir, 'dev-simplified');
    expect(simplified).toHaveLength(7205);
    expect(simplified[0]).toMatchObject({ question: 'Were Scott Derrickson and Ed Wood of the same nationality?', goldAnswers: ['yes'], corpus: '' });
  });

  it('reads MuSiQue with the answer first and its aliases after', () => {
    const dev = loadMusiqueTasks(dataDir, 'dev');
    expect(dev).toHaveLength(100);
    expect(dev[0]).toMatchObject({
      id: 'musique/dev/2hop__82713_84616',
      corpus: 'musique-dev',
      goldAnswers: ['for Best Performance by a Leading Actress in a Play in Ondine', 'leading role', 'star', 'leading actress', 'lead'],
      metadata: { hops: '2hop', answerable: true },
    });
    expect(loadMusiqueTasks(dataDir, 'train')).toHaveLength(100);
  });

  it('answers an unknown split with NOT_FOUND, naming the splits there are', () => {
    expect(() => loadGsm8kTasks(dataDir, 'dev')).toThrow(expect.objectContaining({ code: status.NOT_FOUND, details: 'gsm8k has no split "dev"; splits: train, test' }));
  });
});

describe('benchmark task sources without data', () => {
  it('answers FAILED_PRECONDITION when the data directory does not exist', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'swirl-nodata-')), 'absent');
    expect(() => loadMusiqueTasks({ path: missing, explicit: true }, 'dev')).toThrow(
      expect.objectContaining({ code: status.FAILED_PRECONDITION, details: expect.stringContaining(`${missing} (SWIRL_DATA_DIR / --data-dir) does not exist`) }),
    );
    expect(() => loadGsm8kTasks({ path: missing, explicit: false }, 'train')).toThrow(expect.objectContaining({ details: expect.stringMatching(/^no benchmark data directory is configured: set SWIRL_DATA_DIR/) }));
  });

  it('takes the number after #### as the GSM8K answer, without thousands separators', () => {
    expect(gsm8kFinalAnswer('5 + 5 = 10\n#### 1,250', 'x')).toBe('1250');
    expect(() => gsm8kFinalAnswer('no marker', 'file line 3')).toThrow(expect.objectContaining({ code: status.INVALID_ARGUMENT, details: 'file line 3: the answer has no "#### <final answer>" line' }));
  });
});
