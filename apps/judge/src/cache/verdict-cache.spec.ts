import { join } from 'node:path';
import { Verdict, VerdictLabel } from '@swirl/proto';
import { scratchDir, startTestJudge } from '../testing/start-test-judge.test-support';
import { stepItems, teacherTrajectories } from '../testing/teacher-trajectories.test-support';
import { LruCache } from './lru-cache';
import { openSqliteVerdictStore } from './sqlite-verdict-store';
import { VerdictCache } from './verdict-cache';

const verdict = (rationale: string): Verdict => ({
  label: VerdictLabel.VERDICT_LABEL_GOOD,
  score: 1,
  rationale,
  judgeId: 'rules',
  judgeVersion: 'rules/1',
  votes: 1,
  goodVotes: 1,
  judgeModel: undefined,
  createTime: new Date('2026-01-02T03:04:05.678Z'),
});

describe('LruCache', () => {
  it('forgets the least recently used entry first', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('VerdictCache over a real SQLite file', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());

  it('keeps verdicts on disk beyond the memory bound and across reopening, byte for byte', () => {
    const file = join(scratch.dir, 'nested', 'verdicts.sqlite');
    const store = openSqliteVerdictStore(file);
    const cache = new VerdictCache('step', Verdict, 1, store);
    cache.put('k1', verdict('first'), 'rules', 'rules/1');
    cache.put('k2', verdict('second'), 'rules', 'rules/1');
    expect(cache.get('k1')).toEqual(verdict('first'));
    expect(store.count()).toBe(2);
    store.close();
    const reopened = openSqliteVerdictStore(file);
    expect(new VerdictCache('step', Verdict, 10, reopened).get('k2')).toEqual(verdict('second'));
    expect(new VerdictCache('step', Verdict, 10, reopened).get('k3')).toBeUndefined();
    reopened.close();
  });

  it('works in memory only without a store', () => {
    const cache = new VerdictCache('step', Verdict, 5, undefined);
    cache.put('k', verdict('x'), 'rules', 'rules/1');
    expect(cache.get('k')!.rationale).toBe('x');
  });
});

describe('re-judging stored data after a restart', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());

  it('answers from the SQLite file: same verdicts, marked as cache hits, original create times', async () => {
    const file = join(scratch.dir, 'verdicts.sqlite');
    const items = stepItems(teacherTrajectories('older-company', 3)).map((i) => i.item);
    const first = await startTestJudge([`--cache-file=${file}`]);
    const before = await first.client.judgeSteps({ items });
    await first.stop();
    expect(before.judgments.some((j) => j.cacheHit)).toBe(false);

    const second = await startTestJudge([`--cache-file=${file}`, '--cache-entries=1']);
    try {
      const after = await second.client.judgeSteps({ items });
      expect(after.judgments.every((j) => j.cacheHit)).toBe(true);
      expect(after.judgments.map((j) => j.verdict)).toEqual(before.judgments.map((j) => j.verdict));
      expect(second.running.cacheFile).toBe(file);
      expect(second.logs.join('')).toContain(`"storedVerdicts":${items.length}`);
    } finally {
      await second.stop();
    }
  });
});
