import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { checkHealth, createClient, createLogger, idempotentMethodsFromDescriptorSet, listServicesByReflection, type RunningGrpcService } from '@swirl/grpc-kit';
import { readDescriptorSet, ToolResultStatus, ToolServiceClient, type ExecuteRequest, type ExecuteResponse, type ListToolsResponse } from '@swirl/proto';
import { startToolsService } from './start-tools-service';
import { loadToolsConfig } from './tools-config';

const DOCS = [
  { id: 'p', title: 'Paris', text: 'Paris is the capital and most populous city of France.' },
  { id: 'b', title: 'Berlin', text: 'Berlin is the capital of Germany and its largest city.' },
  { id: 'm', title: 'Mont Blanc', text: 'Mont Blanc is the highest mountain in the Alps, 4,806 metres tall.' },
];

describe('tools service over gRPC', () => {
  const dir = mkdtempSync(join(tmpdir(), 'swirl-tools-'));
  let running: RunningGrpcService;
  let client: ToolServiceClient;
  const logLines: string[] = [];

  beforeAll(async () => {
    writeFileSync(join(dir, 'world.jsonl'), DOCS.map((d) => JSON.stringify(d)).join('\n'));
    const config = loadToolsConfig({
      argv: ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=0', `--corpora=world=jsonl:${join(dir, 'world.jsonl')}`, `--index-cache-dir=${join(dir, 'cache')}`, '--max-output-bytes=200'],
      env: {},
    });
    running = await startToolsService(config, createLogger({ service: 'tools', write: (l) => logLines.push(l) }));
    client = createClient(ToolServiceClient, { target: `127.0.0.1:${running.grpcPort}`, idempotentMethods: idempotentMethodsFromDescriptorSet(readDescriptorSet()) });
  });
  afterAll(async () => {
    client.close();
    await running.shutdown('test over');
    rmSync(dir, { recursive: true, force: true });
  });

  const execute = (request: Partial<ExecuteRequest>, options: grpc.CallOptions = {}) =>
    new Promise<ExecuteResponse>((resolve, reject) =>
      client.execute({ call: undefined, timeout: undefined, ...request }, new grpc.Metadata(), options, (err, res) => (err ? reject(err) : resolve(res))),
    );
  const calc = (expression: string) => execute({ call: { toolName: 'calculator', arguments: { expression }, callId: 'c1' } });
  const search = (args: Record<string, unknown>) => execute({ call: { toolName: 'search', arguments: args, callId: 's1' } });

  it('reports SERVING once its indexes are loaded, and lists its services through reflection', async () => {
    const target = `127.0.0.1:${running.grpcPort}`;
    expect(await checkHealth(target, 'swirl.v1.ToolService')).toBe('SERVING');
    expect(await listServicesByReflection(target)).toEqual(
      expect.arrayContaining(['swirl.v1.ToolService', 'grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection']),
    );
  });

  it('lists both tools with JSON schemas that name their arguments', async () => {
    const res = await new Promise<ListToolsResponse>((resolve, reject) => client.listTools({}, (e, r) => (e ? reject(e) : resolve(r))));
    expect(res.tools.map((t) => t.name)).toEqual(['calculator', 'search']);
    const searchSchema = JSON.parse(res.tools[1]!.inputSchemaJson);
    expect(searchSchema.required).toEqual(['query']);
    expect(searchSchema.properties.corpus.enum).toEqual(['world']);
    expect(res.tools[0]!.defaultTimeout).toEqual({ seconds: 2, nanos: 0 });
  });

  it('computes exactly and writes the observation line', async () => {
    const { result } = await calc('48 / 2');
    expect(result).toMatchObject({ toolName: 'calculator', callId: 'c1', status: ToolResultStatus.TOOL_RESULT_STATUS_OK, output: '24', observation: '48 / 2 -> 24' });
    expect(result!.detail).toEqual({ $case: 'calculator', value: { valueText: '24', exact: true, fraction: '', errorCode: '' } });
    expect((await calc('1/3')).result).toMatchObject({ output: '0.3333333333', detail: { value: { fraction: '1/3' } } });
  });

  it('answers a bad expression with a TOOL_ERROR result the model can read', async () => {
    const { result } = await calc('2 +');
    expect(result!.status).toBe(ToolResultStatus.TOOL_RESULT_STATUS_TOOL_ERROR);
    expect(result!.observation).toMatch(/^2 \+ -> error: .+/);
    expect(result!.detail).toMatchObject({ value: { errorCode: 'SYNTAX' } });
  });

  it.each([
    ['9^9^9', 'LIMIT_EXCEEDED'],
    ['2^1000000', 'LIMIT_EXCEEDED'],
    ['('.repeat(5000) + '1' + ')'.repeat(5000), 'LIMIT_EXCEEDED'],
    ['constructor', 'UNKNOWN_IDENTIFIER'],
    ['__proto__', 'UNKNOWN_IDENTIFIER'],
    ['1/0', 'DIVISION_BY_ZERO'],
    ['0^-1', 'DIVISION_BY_ZERO'],
    ['9'.repeat(20_000), 'LIMIT_EXCEEDED'],
  ])('hostile expression %#: a clear %s error, and the service keeps answering', async (expression, code) => {
    const { result } = await execute({ call: { toolName: 'calculator', arguments: { expression }, callId: 'h' } }, { deadline: Date.now() + 5000 });
    expect(result!.status).toBe(ToolResultStatus.TOOL_RESULT_STATUS_TOOL_ERROR);
    expect(result!.detail).toMatchObject({ value: { errorCode: code } });
    expect(result!.errorMessage.length).toBeGreaterThan(10);
    expect((await calc('1+1')).result!.output).toBe('2');
  });

  it('refuses a 1 MB expression as a malformed request, naming the limit', async () => {
    await expect(calc('1+'.repeat(512 * 1024))).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringContaining('the limit is 65536') });
  });

  it('searches the corpus and returns ranked hits with snippets', async () => {
    const { result } = await search({ query: 'capital of Germany' });
    expect(result!.status).toBe(ToolResultStatus.TOOL_RESULT_STATUS_OK);
    expect(result!.output.split('\n')[0]).toMatch(/^Berlin: .*Germany/);
    // One line: the hits joined by ' | ', exactly as the synthetic world's teacher writes them.
    expect(result!.observation).toMatch(/^capital of Germany -> Berlin: [^\n]*Germany[^\n]* \| Paris: [^\n]*$/);
    expect(result!.detail).toMatchObject({ $case: 'search', value: { corpus: 'world', hits: [{ docId: 'b', title: 'Berlin', rank: 1 }, { docId: 'p', title: 'Paris', rank: 2 }] } });
  });

  it('answers an empty query with a TOOL_ERROR result', async () => {
    const { result } = await search({ query: '   ' });
    expect(result).toMatchObject({ status: ToolResultStatus.TOOL_RESULT_STATUS_TOOL_ERROR, errorMessage: expect.stringContaining('the query is empty') });
  });

  it('caps long output and marks it truncated', async () => {
    const { result } = await search({ query: 'capital city highest mountain', top_k: 3 });
    expect(Buffer.byteLength(result!.output)).toBeLessThanOrEqual(200);
    expect(result!.truncated).toBe(true);
  });

  it.each([
    [{ call: { toolName: 'weather', arguments: {}, callId: '' } }, grpc.status.NOT_FOUND, 'unknown tool "weather"; available tools: calculator, search'],
    [{}, grpc.status.INVALID_ARGUMENT, 'ExecuteRequest.call is required'],
    [{ call: { toolName: '', arguments: {}, callId: '' } }, grpc.status.INVALID_ARGUMENT, 'call.tool_name is required'],
    [{ call: { toolName: 'calculator', arguments: { expression: 42 }, callId: '' } }, grpc.status.INVALID_ARGUMENT, 'calculator: argument "expression" must be a string, got number'],
    [{ call: { toolName: 'calculator', arguments: {}, callId: '' } }, grpc.status.INVALID_ARGUMENT, 'calculator: argument "expression" is required'],
    [{ call: { toolName: 'search', arguments: { query: 'x', corpus: 'web' }, callId: '' } }, grpc.status.INVALID_ARGUMENT, 'must be one of world'],
    [{ call: { toolName: 'search', arguments: { query: 'x', top_k: 500 }, callId: '' } }, grpc.status.INVALID_ARGUMENT, 'must be between 1 and 50'],
    [{ call: { toolName: 'calculator', arguments: { expression: '1' }, callId: '' }, timeout: { seconds: -1, nanos: 0 } }, grpc.status.INVALID_ARGUMENT, 'timeout must be positive'],
  ])('bad request %# fails with a status and a message that says what to fix', async (request, code, message) => {
    await expect(execute(request as Partial<ExecuteRequest>)).rejects.toMatchObject({ code, details: expect.stringContaining(message) });
  });

  it('counts executions by tool and outcome, and Execute calls by gRPC code, on /metrics', async () => {
    const scrape = async () => (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text();
    // Label order in the exposition format is not fixed: match each label with a lookahead.
    const series = (name: string, labels: Record<string, string>) =>
      new RegExp(`^${name}\\{${Object.entries(labels).map(([k, v]) => `(?=[^}]*${k}="${v}")`).join('')}[^}]*\\} [1-9]`, 'm');
    const deadlineExceeded = series('grpc_server_handled_total', { grpc_method: 'Execute', grpc_code: 'DeadlineExceeded' });
    // Calls whose 2 ms deadline ends while they are on the server; repeated (a bounded number
    // of times) until the server has recorded one. In practice the first round does it.
    for (let round = 0; round < 50 && !deadlineExceeded.test(await scrape()); round++) {
      const short = { deadline: Date.now() + 2 };
      const busy = Array.from({ length: 10 }, () => search({ query: 'capital city' }));
      const late = Array.from({ length: 10 }, () => execute({ call: { toolName: 'search', arguments: { query: 'capital' }, callId: '' } }, short));
      await Promise.allSettled([...busy, ...late]);
    }
    const text = await scrape();
    expect(text).toMatch(deadlineExceeded);
    expect(text).toMatch(series('grpc_server_handled_total', { grpc_method: 'Execute', grpc_code: 'OK' }));
    expect(text).toMatch(series('grpc_server_handled_total', { grpc_method: 'Execute', grpc_code: 'NotFound' }));
    expect(text).toMatch(series('swirl_tool_executions_total', { tool: 'calculator', outcome: 'ok' }));
    expect(text).toMatch(series('swirl_tool_executions_total', { tool: 'calculator', outcome: 'tool_error' }));
    expect(text).toMatch(series('swirl_tool_executions_total', { tool: 'search', outcome: 'invalid_argument' }));
    expect(text).toMatch(series('swirl_tool_execution_seconds_count', { tool: 'search' }));
  });
});

describe('tools service start-up', () => {
  it('fails with a message that says where it looked and what to set when a corpus file is missing', async () => {
    const config = loadToolsConfig({ argv: ['--host=127.0.0.1', '--grpc-port=0', '--metrics-port=-1', '--data-dir=/nonexistent-swirl-data'], env: {} });
    await expect(startToolsService(config, createLogger({ service: 'tools', write: () => undefined }))).rejects.toThrow(
      /a search corpus could not be loaded: \/nonexistent-swirl-data\/hotpotqa\/.*file not found\. Point --data-dir \/ SWIRL_DATA_DIR at the data/,
    );
  });
});
