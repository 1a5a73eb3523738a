import { Writable } from 'node:stream';
import { createOutput, progressBar } from './terminal-output';

function sink(tty = false) {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }) as unknown as NodeJS.WriteStream;
  (stream as { isTTY?: boolean }).isTTY = tty;
  return { stream, text: () => chunks.join('') };
}

describe('createOutput', () => {
  it('prints readable lines by default', () => {
    const out = sink();
    const err = sink();
    const o = createOutput(false, out.stream, err.stream);
    o.info('hello');
    o.event('job', { id: 'j1' }, 'job j1 started');
    o.error('boom');
    expect(out.text()).toBe('hello\njob j1 started\n');
    expect(err.text()).toBe('error: boom\n');
  });

  it('prints one JSON object per line with --json', () => {
    const out = sink();
    const o = createOutput(true, out.stream, sink().stream);
    o.event('job', { id: 'j1' }, 'ignored text');
    o.progress('synthesize', 3, 10);
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ event: 'job', id: 'j1' }, { event: 'progress', stage: 'synthesize', done: 3, total: 10, detail: '' }]);
  });

  it('rewrites one progress line on a terminal and ends it before the next message', () => {
    const out = sink(true);
    const o = createOutput(false, out.stream, sink().stream);
    o.progress('train', 1, 4);
    o.progress('train', 2, 4);
    o.info('done');
    expect(out.text()).toBe(`\r\x1b[2Ktrain ${progressBar(1, 4)} 1/4\r\x1b[2Ktrain ${progressBar(2, 4)} 2/4\ndone\n`);
  });
});

describe('progressBar', () => {
  it('fills in proportion and stays empty without a total', () => {
    expect(progressBar(5, 10, 10)).toBe('[#####-----]');
    expect(progressBar(0, 0, 4)).toBe('[----]');
    expect(progressBar(20, 10, 4)).toBe('[####]');
  });
});
