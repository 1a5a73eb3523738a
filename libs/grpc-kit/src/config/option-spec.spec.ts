import { describeOptions, loadOptions, option, OptionError } from './option-spec';

const spec = {
  port: option<number>({ flag: 'port', env: 'T_PORT', type: 'int', default: 1, doc: 'a port' }),
  name: option<string | undefined>({ flag: 'name', env: 'T_NAME', type: 'string', default: undefined, doc: 'a name' }),
  verbose: option<boolean>({ flag: 'verbose', env: 'T_VERBOSE', type: 'boolean', default: false, doc: 'chatty' }),
  corpora: option<readonly string[]>({ flag: 'corpora', env: 'T_CORPORA', type: 'list', default: [], doc: 'names' }),
};

describe('loadOptions', () => {
  it('uses defaults when nothing is given', () => {
    expect(loadOptions(spec)).toEqual({ port: 1, name: undefined, verbose: false, corpora: [] });
  });

  it('prefers flags over environment over defaults', () => {
    const v = loadOptions(spec, { env: { T_PORT: '2', T_NAME: 'env' }, argv: ['--port=3'] });
    expect(v.port).toBe(3);
    expect(v.name).toBe('env');
  });

  it('accepts "--flag value", bare boolean flags and lists', () => {
    const v = loadOptions(spec, { argv: ['--name', 'x', '--verbose', '--corpora=a, b,,c'] });
    expect(v).toMatchObject({ name: 'x', verbose: true, corpora: ['a', 'b', 'c'] });
  });

  it('freezes the result', () => {
    expect(Object.isFrozen(loadOptions(spec))).toBe(true);
  });

  it.each([
    [['--nope=1'], /unknown flag --nope; known flags: --port, --name/],
    [['--port=abc'], /--port \/ T_PORT: expected an integer, got 'abc'/],
    [['--verbose=maybe'], /expected true or false/],
    [['--name'], /flag --name needs a value/],
    [['stray'], /unexpected argument 'stray'/],
  ])('rejects %j with a message that says what to fix', (argv, message) => {
    expect(() => loadOptions(spec, { argv })).toThrow(OptionError);
    expect(() => loadOptions(spec, { argv })).toThrow(message);
  });

  it('describes every setting with its variable and default', () => {
    const text = describeOptions(spec);
    expect(text).toContain('--port');
    expect(text).toContain('T_PORT');
    expect(text).toContain('(default: 1)');
    expect(text).toContain('(default: unset)');
  });
});
