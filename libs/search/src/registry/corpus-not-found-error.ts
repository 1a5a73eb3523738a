/** `registry.get(name)` for a name the registry was not configured with. */
export class CorpusNotFoundError extends Error {
  override readonly name = 'CorpusNotFoundError';
  constructor(
    readonly corpusName: string,
    readonly knownNames: readonly string[],
  ) {
    super(`unknown corpus '${corpusName}'; known corpora: ${knownNames.length ? knownNames.join(', ') : '(none)'}`);
  }
}
