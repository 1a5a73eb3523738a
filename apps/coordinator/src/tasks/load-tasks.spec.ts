import { status } from '@grpc/grpc-js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaskFamily, TaskSource } from '@swirl/proto';
import { generateWorld } from '@swirl/world';
import { loadTasks, type TaskLoaderDeps } from './load-tasks';

const dir = mkdtempSync(join(tmpdir(), 'swirl-tasks-'));
const deps: TaskLoaderDeps = { dataDir: { path: join(dir, 'no-data'), explicit: true }, worldCorpus: 'world-1' };

function jsonl(name: string, lines: readonly unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

const world = (seed: number, split: string, count: number, family = TaskFamily.TASK_FAMILY_UNSPECIFIED, extra: Partial<TaskSource> = {}) =>
  TaskSource.fromPartial({ source: { $case: 'syntheticWorld', value: { seed, split, count, family } }, ...extra });

const fails = (source: TaskSource | undefined, code: status, details: string | RegExp) =>
  expect(() => loadTasks(source, deps)).toThrow(expect.objectContaining({ code, details: typeof details === 'string' ? details : expect.stringMatching(details) }));

describe('loadTasks', () => {
  it('takes world questions of both families alternately, with the world corpus and gold answers', () => {
    const tasks = loadTasks(world(1, 'heldout', 5), deps);
    const w = generateWorld({ seed: 1 });
    expect(tasks.map((t) => t.family)).toEqual(['multihop', 'math', 'multihop', 'math', 'multihop']);
    expect(tasks[0]).toMatchObject({
      id: `world-1/test/${w.questions('test', 'multihop')[0]!.id}`,
      source: 'world',
      question: w.questions('test', 'multihop')[0]!.question,
      goldAnswers: [w.questions('test', 'multihop')[0]!.answer],
      dataset: 'synthetic-world',
      split: 'test',
      corpus: 'world-1',
    });
    expect(loadTasks(world(1, 'train', 3, TaskFamily.TASK_FAMILY_MATH), deps).map((t) => t.family)).toEqual(['math', 'math', 'math']);
  });

  it('takes 1000 world tasks by default, growing the split beyond its default size', () => {
    const tasks = loadTasks(world(2, 'test', 0), deps);
    expect(tasks).toHaveLength(1000);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(1000);
  });

  it('shuffles by seed (stable, independent of source order), then applies offset and limit', () => {
    const all = loadTasks(world(1, 'dev', 40), deps);
    const shuffled = loadTasks(world(1, 'dev', 40, undefined, { shuffleSeed: 5 }), deps);
    expect(shuffled.map((t) => t.id)).not.toEqual(all.map((t) => t.id));
    expect([...shuffled.map((t) => t.id)].sort()).toEqual([...all.map((t) => t.id)].sort());
    expect(loadTasks(world(1, 'dev', 40, undefined, { shuffleSeed: 5 }), deps)).toEqual(shuffled);
    expect(loadTasks(world(1, 'dev', 40, undefined, { shuffleSeed: 5, offset: 10, limit: 3 }), deps)).toEqual(shuffled.slice(10, 13));
    expect(loadTasks(world(1, 'dev', 40, undefined, { offset: 38 }), deps)).toEqual(all.slice(38));
  });

  it('reads JSONL tasks with defaults for family, dataset and corpus', () => {
    const path = jsonl('tasks.jsonl', [
      { id: 'q1', question: 'What is 2 + 2?', answer: '4', family: 'math' },
      { id: 7, question: 'Who wrote Hamlet?', answers: ['Shakespeare', 'William Shakespeare'], corpus: 'plays', metadata: { level: 'easy' } },
      '',
    ]);
    const tasks = loadTasks(TaskSource.fromPartial({ source: { $case: 'jsonl', value: { path, family: TaskFamily.TASK_FAMILY_MULTI_HOP_QA, corpus: 'wiki' } } }), deps);
    expect(tasks).toEqual([
      { id: 'jsonl:tasks.jsonl/q1', source: 'jsonl', family: 'math', question: 'What is 2 + 2?', goldAnswers: ['4'], dataset: 'jsonl:tasks.jsonl', split: 'all', corpus: 'wiki', metadata: {} },
      {
        id: 'jsonl:tasks.jsonl/7',
        source: 'jsonl',
        family: 'multihop',
        question: 'Who wrote Hamlet?',
        goldAnswers: ['Shakespeare', 'William Shakespeare'],
        dataset: 'jsonl:tasks.jsonl',
        split: 'all',
        corpus: 'plays',
        metadata: { level: 'easy' },
      },
    ]);
  });

  it.each([
    ['no source', undefined, status.INVALID_ARGUMENT, 'tasks must name a task source (synthetic_world, gsm8k, hotpotqa, musique or jsonl)'],
    ['no split', world(1, ' ', 3), status.INVALID_ARGUMENT, 'tasks.syntheticWorld.split is required, e.g. "train" or "test"'],
    ['an unknown world split', world(1, 'validation', 3), status.INVALID_ARGUMENT, /^synthetic_world.split must be one of train, dev, test, heldout/],
    ['an offset past the end', world(1, 'dev', 4, undefined, { offset: 9 }), status.INVALID_ARGUMENT, 'tasks selects no tasks: the source has 4, offset 9 skips 4 of them'],
    ['a missing benchmark directory', TaskSource.fromPartial({ source: { $case: 'gsm8k', value: { split: 'train' } } }), status.FAILED_PRECONDITION, /does not exist$/],
    ['a missing JSONL file', TaskSource.fromPartial({ source: { $case: 'jsonl', value: { path: join(dir, 'absent.jsonl') } } }), status.NOT_FOUND, /absent\.jsonl does not exist$/],
    ['a JSONL path left empty', TaskSource.fromPartial({ source: { $case: 'jsonl', value: { path: '' } } }), status.INVALID_ARGUMENT, /^tasks.jsonl.path is required/],
  ])('refuses %s', (_name, source, code, details) => fails(source, code, details));

  it.each([
    ['broken JSON', ['{"id": "a", "question": "q"', ''], /bad\.jsonl line 1 is not valid JSON/],
    ['a line without family and no default', [{ id: 'a', question: 'q', answer: 'x' }], /line 1: the line has no "family" and the request sets no default family/],
    ['an unknown family', [{ id: 'a', question: 'q', family: 'poetry' }], /line 1: "family" must be "multi_hop_qa" or "math", got "poetry"/],
    ['a duplicate id', [{ id: 'a', question: 'q', family: 'math' }, { id: 'a', question: 'r', family: 'math' }], /line 2: id "a" appears twice/],
    ['an empty question', [{ id: 'a', question: ' ', family: 'math' }], /line 1: "question" must be a non-empty string/],
  ])('refuses a JSONL file with %s, naming the line', (_name, lines, details) => {
    const path = jsonl('bad.jsonl', lines);
    fails(TaskSource.fromPartial({ source: { $case: 'jsonl', value: { path } } }), status.INVALID_ARGUMENT, details);
  });
});
