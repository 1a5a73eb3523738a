import { renderSearchResult, type CorpusRegistry } from '@swirl/search';
import type { Tool, ToolOutcome } from './tool';

/**
 * BM25 search behind `<search_query>` actions. The output lists the hits as the model reads
 * them (`Title: snippet`, one per line: the same rendering the synthetic world's teacher uses).
 */
export function createSearchTool(registry: CorpusRegistry): Tool {
  const corpora = registry.names;
  const maxTopK = registry.config.searcher.maxTopK;
  return {
    name: 'search',
    description: `Searches a document corpus (BM25 over title and text) and returns the top hits with snippets. Corpora: ${corpora.join(', ')}.`,
    version: 'search-bm25-1',
    schema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'words to search for', maxLength: 4096 },
        corpus: { type: 'string', description: 'corpus to search', enum: corpora, default: corpora[0]! },
        top_k: { type: 'integer', description: 'number of hits to return', minimum: 1, maximum: maxTopK, default: registry.config.searcher.defaultTopK },
      },
      required: ['query'],
      additionalProperties: false,
    },
    quote: (args) => String(args['query']).trim(),
    run: async (args, ctx): Promise<ToolOutcome> => {
      const corpus = String(args['corpus']);
      const searcher = await registry.get(corpus);
      ctx.signal.throwIfAborted();
      const outcome = searcher.search(String(args['query']), { topK: Number(args['top_k']) });
      const hits = outcome.hits.map((h) => ({ docId: h.docId, title: h.title, snippet: h.snippet, score: h.score, rank: h.rank }));
      const detail = { $case: 'search' as const, value: { corpus, hits } };
      const rendered = renderSearchResult(outcome);
      if (rendered.error !== undefined) return { status: 'tool_error', output: rendered.text, errorMessage: rendered.error, detail };
      return { status: 'ok', output: rendered.text, detail };
    },
  };
}
