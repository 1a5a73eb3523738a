/** Readable lines for people, or one JSON object per line with `--json` (for scripts). */
export interface Output {
  readonly json: boolean;
  /** A human sentence; in JSON mode an `{"event":"info","message":...}` line. */
  info(message: string): void;
  /** A structured event: JSON mode prints it whole, text mode prints `text`. */
  event(kind: string, data: Record<string, unknown>, text: string): void;
  /** A progress line that rewrites itself on a terminal; throttled to one line per second elsewhere. */
  progress(label: string, done: number, total: number, detail?: string): void;
  /** Ends a progress line. */
  endProgress(): void;
  error(message: string): void;
}

export function createOutput(json: boolean, stream: NodeJS.WriteStream = process.stdout, errors: NodeJS.WriteStream = process.stderr): Output {
  const tty = !json && stream.isTTY === true;
  let open = false;
  let lastPlain = 0;
  const clear = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return {
    json,
    info(message) {
      clear();
      stream.write(json ? JSON.stringify({ event: 'info', message }) + '\n' : message + '\n');
    },
    event(kind, data, text) {
      clear();
      stream.write(json ? JSON.stringify({ event: kind, ...data }) + '\n' : text + '\n');
    },
    progress(label, done, total, detail = '') {
      if (json) {
        stream.write(JSON.stringify({ event: 'progress', stage: label, done, total, detail }) + '\n');
        return;
      }
      const line = `${label} ${progressBar(done, total)} ${done}/${total}${detail ? ` ${detail}` : ''}`;
      if (tty) {
        stream.write(`\r\x1b[2K${line}`);
        open = true;
      } else if (Date.now() - lastPlain >= 1000 || done === total) {
        lastPlain = Date.now();
        stream.write(line + '\n');
      }
    },
    endProgress: clear,
    error(message) {
      clear();
      errors.write(json ? JSON.stringify({ event: 'error', message }) + '\n' : `error: ${message}\n`);
    },
  };
}

/** `[#####-----]` for done/total (an empty bar when the total is not known yet). */
export function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.min(width, Math.round((width * done) / total)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}
