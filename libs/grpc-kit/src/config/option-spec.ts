/**
 * Declarative settings: each setting names its flag, its environment variable, its type and its
 * default, so `--help`, the README and the code can never disagree. Flags beat environment
 * variables, which beat defaults. The result is frozen: settings are compiled once at start-up.
 */
export type OptionType = 'string' | 'int' | 'number' | 'boolean' | 'list';

export interface OptionDefinition<T> {
  /** Long flag name without dashes, e.g. `grpc-port`. */
  readonly flag: string;
  /** Environment variable, e.g. `SWIRL_GRPC_PORT`. */
  readonly env: string;
  readonly type: OptionType;
  /** Value used when neither the flag nor the variable is given. `undefined` means "unset". */
  readonly default: T;
  /** One line for `--help`. */
  readonly doc: string;
}

export type OptionSpec = Record<string, OptionDefinition<unknown>>;

export type OptionValues<S extends OptionSpec> = {
  readonly [K in keyof S]: S[K]['default'];
};

export class OptionError extends Error {
  override readonly name = 'OptionError';
}

export interface OptionSources {
  /** Command-line arguments after the script name. @default [] */
  readonly argv?: readonly string[];
  /** Environment. @default {} */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function option<T>(def: OptionDefinition<T>): OptionDefinition<T> {
  return def;
}

export function loadOptions<S extends OptionSpec>(spec: S, sources: OptionSources = {}): OptionValues<S> {
  const byFlag = new Map<string, string>();
  for (const [key, def] of Object.entries(spec)) byFlag.set(def.flag, key);
  const fromFlags = parseFlags(sources.argv ?? [], byFlag, spec);
  const result: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(spec)) {
    const raw = fromFlags.get(key) ?? sources.env?.[def.env];
    result[key] = raw === undefined || raw === '' ? def.default : convert(raw, def, `--${def.flag} / ${def.env}`);
  }
  return Object.freeze(result) as OptionValues<S>;
}

function parseFlags(argv: readonly string[], byFlag: Map<string, string>, spec: OptionSpec): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new OptionError(`unexpected argument '${arg}': settings are given as --name=value`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const key = byFlag.get(name);
    if (key === undefined) {
      throw new OptionError(`unknown flag --${name}; known flags: ${[...byFlag.keys()].map((f) => `--${f}`).join(', ')}`);
    }
    if (eq !== -1) values.set(key, arg.slice(eq + 1));
    else if (spec[key]!.type === 'boolean') values.set(key, 'true');
    else if (i + 1 < argv.length) values.set(key, argv[++i]!);
    else throw new OptionError(`flag --${name} needs a value`);
  }
  return values;
}

function convert(raw: string, def: OptionDefinition<unknown>, where: string): unknown {
  switch (def.type) {
    case 'string':
      return raw;
    case 'list':
      return Object.freeze(raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0));
    case 'boolean':
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new OptionError(`${where}: expected true or false, got '${raw}'`);
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) throw new OptionError(`${where}: expected an integer, got '${raw}'`);
      return Number.parseInt(raw, 10);
    }
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new OptionError(`${where}: expected a number, got '${raw}'`);
      return n;
    }
  }
}

/** `--help` text: one line per setting with its variable and default. */
export function describeOptions(spec: OptionSpec): string {
  return Object.values(spec)
    .map((d) => {
      const dflt = d.default === undefined ? 'unset' : JSON.stringify(d.default);
      return `  --${d.flag.padEnd(24)} ${d.env.padEnd(32)} ${d.doc} (default: ${dflt})`;
    })
    .join('\n');
}
