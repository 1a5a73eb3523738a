import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServerMetrics, startGrpcService, type Logger, type RunningGrpcService } from '@swirl/grpc-kit';
import { readDescriptorSet } from '@swirl/proto';
import { CorpusFormatError, CorpusSourceError, createCorpusRegistry } from '@swirl/search';
import { createCalculatorTool } from './calculator-tool';
import { createToolsServer } from './create-tools-server';
import { parseCorpusList } from './parse-corpus-list';
import { createSearchTool } from './search-tool';
import { createToolMetrics } from './tool-metrics';
import { ToolRegistry } from './tool-registry';
import type { ToolsConfig } from './tools-config';

/** Start-up failed for a reason the operator can fix; the message says how. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export const TOOLS_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

/**
 * Composition root of the tools service: builds every dependency from the config, starts the
 * gRPC server (NOT_SERVING), loads the search indexes, then reports SERVING.
 */
export async function startToolsService(config: ToolsConfig, logger: Logger): Promise<RunningGrpcService> {
  const metrics = createServerMetrics('tools', TOOLS_VERSION);
  const corpora = createCorpusRegistry({ corpora: parseCorpusList(config.corpora), dataDir: config.dataDir, cacheDir: config.indexCacheDir });
  const registry = new ToolRegistry([createCalculatorTool(), createSearchTool(corpora)]);
  const running = await startGrpcService({
    config,
    logger,
    metrics,
    descriptorSet: readDescriptorSet(),
    services: [createToolsServer({ registry, metrics: createToolMetrics(metrics.registry), limits: config, logger })],
  });
  try {
    const searchers = await corpora.preload();
    for (const s of searchers) {
      const p = s.provenance;
      logger.info('corpus ready', { corpus: s.corpus.name, documents: s.corpus.documents.length, fromCache: p.fromCache, buildMs: p.buildMs, cacheLoadMs: p.cacheLoadMs });
    }
  } catch (err) {
    await running.shutdown('start-up failed');
    if (err instanceof CorpusSourceError || err instanceof CorpusFormatError) {
      throw new StartupError(`a search corpus could not be loaded: ${err.message}. Point --data-dir / SWIRL_DATA_DIR at the data (now ${corpora.config.dataDir}) or choose other --corpora.`);
    }
    throw err;
  }
  running.setServing(true);
  return running;
}
