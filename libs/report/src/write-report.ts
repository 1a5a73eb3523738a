import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import type { PipelineReport } from './report-data';

export interface WrittenReport {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
}

/** Writes report.json, report.md and report.html into `dir`, each atomically (temp + rename). */
export function writeReport(dir: string, report: PipelineReport): WrittenReport {
  mkdirSync(dir, { recursive: true });
  const files = { json: join(dir, 'report.json'), markdown: join(dir, 'report.md'), html: join(dir, 'report.html') };
  const write = (path: string, text: string) => {
    const temp = `${path}.tmp-${process.pid}`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  };
  write(files.json, JSON.stringify(report, null, 2) + '\n');
  write(files.markdown, renderMarkdown(report));
  write(files.html, renderHtml(report));
  return files;
}
