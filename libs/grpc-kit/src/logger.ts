/**
 * Structured JSON logs: one object per line on stderr (stdout stays free for a CLI's output),
 * with `ts`, `level`, `service`, `msg` and any fields. Errors are expanded to name/message/stack.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** Service name on every line. */
  readonly service: string;
  /** Lowest level written. @default 'info' */
  readonly level?: LogLevel;
  /** Where lines go. @default process.stderr.write */
  readonly write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions): Logger {
  const min = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const make = (bound: LogFields): Logger => {
    const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
      if (RANK[level] < min) return;
      const entry = { ts: new Date().toISOString(), level, service: options.service, msg, ...bound, ...expand(fields) };
      write(JSON.stringify(entry) + '\n');
    };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make({});
}

function expand(fields: LogFields | undefined): LogFields {
  if (fields === undefined) return {};
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = isErrorLike(v) ? { name: v.name, message: v.message, stack: v.stack, ...('code' in v ? { code: v.code } : {}) } : v;
  }
  return out;
}

// By shape, not `instanceof`: errors thrown by Node internals or another vm realm are not
// instances of this realm's Error, and would otherwise log as `{}`.
function isErrorLike(v: unknown): v is Error & { code?: unknown } {
  return v instanceof Error || (typeof v === 'object' && v !== null && typeof (v as Error).message === 'string' && typeof (v as Error).stack === 'string');
}
