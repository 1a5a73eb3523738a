import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleReport } from './testing/sample-report.test-support';
import { writeReport } from './write-report';

describe('writeReport', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'swirl-report-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes JSON with every number, Markdown and HTML, and leaves no temp files', () => {
    const files = writeReport(join(dir, 'nested'), sampleReport());
    expect(JSON.parse(readFileSync(files.json, 'utf8'))).toEqual(sampleReport());
    expect(readFileSync(files.markdown, 'utf8')).toContain('# SWiRL <main job> | seed 1');
    expect(readFileSync(files.html, 'utf8')).toContain('<svg');
    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['report.html', 'report.json', 'report.md']);
  });

  it('replaces an earlier report in place', () => {
    writeReport(dir, sampleReport());
    writeReport(dir, { ...sampleReport(), title: 'second' });
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).title).toBe('second');
  });
});
