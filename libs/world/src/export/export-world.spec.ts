import { createHash } from 'node:crypto';
import { parseJsonlCorpus } from '@swirl/search';
import { PROMPT_VERSION } from '../prompts';
import { generateWorld } from '../world/generate-world';
import { exportWorld } from './export-world';

const OPTIONS = { sizes: { train: 40, dev: 10, test: 10 } };
const exported = (seed: number) => exportWorld(generateWorld({ seed, ...OPTIONS }), { trajectoriesPerQuestion: 2 });
const digest = (files: ReadonlyMap<string, string>) => createHash('sha256').update(JSON.stringify([...files])).digest('hex');

describe('exportWorld', () => {
  const files = exported(1);

  it('writes the corpus, the questions of every split, teacher trajectories and a manifest', () => {
    expect([...files.keys()]).toEqual(['corpus.jsonl', 'questions-train.jsonl', 'questions-dev.jsonl', 'questions-test.jsonl', 'teacher-train.jsonl', 'manifest.json']);
    const lines = (name: string) => (files.get(name) ?? '').trimEnd().split('\n');
    expect(lines('questions-dev.jsonl')).toHaveLength(20);
    expect(lines('teacher-train.jsonl')).toHaveLength(160);
    const trajectory = JSON.parse(lines('teacher-train.jsonl')[0]);
    expect(trajectory.steps[0]).toHaveProperty('label.good');
  });

  it('writes a corpus the tools service can load as jsonl', () => {
    const documents = parseJsonlCorpus(files.get('corpus.jsonl') ?? '', 'corpus.jsonl');
    expect(documents.length).toBeGreaterThan(100);
    expect(documents[0]).toEqual({ id: expect.any(String), title: expect.any(String), text: expect.any(String) });
  });

  it('records seed, sizes, prompt version, mistakes and a hash of every file', () => {
    const manifest = JSON.parse(files.get('manifest.json') ?? '{}');
    expect(manifest).toMatchObject({ seed: 1, sizes: OPTIONS.sizes, promptVersion: PROMPT_VERSION, teacher: { trajectoriesPerQuestion: 2, topK: 3 } });
    for (const [name, content] of files) {
      if (name !== 'manifest.json') expect(manifest.sha256[name]).toBe(createHash('sha256').update(content).digest('hex'));
    }
  });

  it('is byte-identical for the same seed and different for another', () => {
    expect(digest(exported(1))).toBe(digest(files));
    expect(digest(exported(2))).not.toBe(digest(files));
  });
});
