/** A corpus source file that cannot be read at all (missing, unreadable, not JSON). */
export class CorpusSourceError extends Error {
  override readonly name: string = 'CorpusSourceError';
  constructor(
    readonly file: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/**
 * A corpus source file whose content has the wrong shape. `location` pinpoints it: a line
 * (`line 12`) for JSON Lines, a path into the JSON (`[3].context[1][0]`) otherwise.
 */
export class CorpusFormatError extends CorpusSourceError {
  override readonly name: string = 'CorpusFormatError';
  constructor(
    file: string,
    readonly location: string,
    readonly problem: string,
  ) {
    super(file, `${location}: ${problem}`);
  }
}
