/** The instructions of a Dockerfile that the image checks read. */
export interface CopyInstruction {
  readonly line: number;
  /** `--from=<stage>`: copies from another stage, not from the build context. */
  readonly fromStage: string | undefined;
  readonly sources: readonly string[];
  readonly destination: string;
}

export interface ParsedDockerfile {
  readonly copies: readonly CopyInstruction[];
  /** Every instruction's text, continuation lines joined (for entry-point references). */
  readonly instructions: readonly { line: number; text: string }[];
}

/** Splits a Dockerfile into instructions (joining `\` continuations, dropping comments). */
export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: { line: number; text: string }[] = [];
  let current: { line: number; text: string } | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (current === undefined && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (current !== undefined && line.trim().startsWith('#')) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1) : line;
    current = current === undefined ? { line: i + 1, text: part.trim() } : { line: current.line, text: `${current.text} ${part.trim()}` };
    if (!continued) {
      instructions.push(current);
      current = undefined;
    }
  });
  const copies = instructions
    .filter((ins) => /^(COPY|ADD)\s/i.test(ins.text))
    .map((ins) => {
      const args = ins.text.split(/\s+/).slice(1);
      const flags = args.filter((a) => a.startsWith('--'));
      const paths = args.filter((a) => !a.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='));
      return { line: ins.line, fromStage: from?.slice('--from='.length), sources: paths.slice(0, -1), destination: paths[paths.length - 1] ?? '' };
    });
  return { copies, instructions };
}
