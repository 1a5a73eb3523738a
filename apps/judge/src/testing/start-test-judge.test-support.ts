import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@swirl/grpc-kit';
import { loadJudgeConfig } from '../judge-config';
import { startJudgeService, type RunningJudgeService } from '../start-judge-service';
import { judgeClient, type JudgeTestClient } from './judge-client.test-support';

export interface TestJudge {
  readonly running: RunningJudgeService;
  readonly client: JudgeTestClient;
  readonly target: string;
  readonly logs: string[];
  stop(): Promise<void>;
}

/** A temporary directory for a test file's cache files, removed by `cleanup`. */
export function scratchDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'swirl-judge-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the real judge service on loopback port 0 with these flags, and a client for it. */
export async function startTestJudge(argv: readonly string[]): Promise<TestJudge> {
  const logs: string[] = [];
  const config = loadJudgeConfig({ argv: ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', ...argv], env: {} });
  const running = await startJudgeService(config, createLogger({ service: 'judge', write: (l) => void logs.push(l) }));
  const target = `127.0.0.1:${running.grpcPort}`;
  const client = judgeClient(target);
  return {
    running,
    client,
    target,
    logs,
    stop: async () => {
      client.close();
      await running.shutdown('test over');
    },
  };
}
