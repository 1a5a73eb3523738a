import { createLogger } from './logger';

describe('createLogger', () => {
  it('writes one JSON object per line with service, level and fields, above the minimum level', () => {
    const lines: string[] = [];
    const log = createLogger({ service: 'tools', level: 'info', write: (l) => lines.push(l) });
    log.debug('hidden');
    log.child({ requestId: 'r1' }).warn('slow', { ms: 12, err: new Error('boom') });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'warn', service: 'tools', msg: 'slow', requestId: 'r1', ms: 12 });
    expect(entry.err).toMatchObject({ name: 'Error', message: 'boom' });
    expect(Date.parse(entry.ts)).not.toBeNaN();
  });
});
