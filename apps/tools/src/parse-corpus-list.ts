import { CORPUS_FORMATS, STANDARD_CORPORA, type CorpusDefinition, type CorpusFormat } from '@swirl/search';
import { OptionError } from '@swirl/grpc-kit';

/**
 * `--corpora` entries: a standard corpus name (`hotpotqa-dev`), or `name=format:path` for any
 * file in a supported format (`world=jsonl:/data/world.jsonl`).
 */
export function parseCorpusList(entries: readonly string[]): CorpusDefinition[] {
  if (entries.length === 0) throw new OptionError('--corpora is empty: the search tool needs at least one corpus');
  return entries.map((entry) => {
    const eq = entry.indexOf('=');
    if (eq === -1) {
      const standard = STANDARD_CORPORA.find((c) => c.name === entry);
      if (standard === undefined) {
        throw new OptionError(`--corpora: "${entry}" is not a standard corpus (${STANDARD_CORPORA.map((c) => c.name).join(', ')}); declare others as name=format:path`);
      }
      return standard;
    }
    const name = entry.slice(0, eq).trim();
    const rest = entry.slice(eq + 1);
    const colon = rest.indexOf(':');
    const format = rest.slice(0, colon).trim();
    const path = rest.slice(colon + 1).trim();
    if (name === '' || colon === -1 || path === '') throw new OptionError(`--corpora: "${entry}" must look like name=format:path`);
    if (!CORPUS_FORMATS.includes(format as CorpusFormat)) {
      throw new OptionError(`--corpora: "${entry}" has unknown format "${format}"; formats: ${CORPUS_FORMATS.join(', ')}`);
    }
    return { name, source: { format: format as CorpusFormat, path } };
  });
}
