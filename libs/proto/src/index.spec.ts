import { readFileSync } from 'node:fs';
import { loadFileDescriptorSetFromBuffer } from '@grpc/proto-loader';
import { idempotentMethodsFromDescriptorSet } from '@swirl/grpc-kit';
import {
  ActionKind,
  CalculatorDetail,
  ChatRole,
  FinishReason,
  Step,
  ToolResult,
  ToolResultStatus,
  VerdictLabel,
  descriptorSetPath,
  durationFromMs,
  durationToMs,
  serviceDefinitions,
  serviceNames,
  tools,
  trajectory,
} from './index';

// Values are chosen to be exact in float32 (log-probs travel as `float`).
const step: Step = Step.fromPartial({
  index: 1,
  prefix: { hash: 'ab'.repeat(32), messageCount: 3, tokenCount: 5, tokenIds: [1, 17, 42, 99, 3] },
  action: {
    kind: ActionKind.ACTION_KIND_TOOL_CALL,
    rawText: 'Half of 48. <math_exp>48 / 2</math_exp>',
    reasoning: 'Half of 48.',
    parsed: {
      $case: 'toolCall',
      value: { toolName: 'calculator', arguments: { expression: '48 / 2' }, callId: 'traj-1/1' },
    },
    parseError: '',
  },
  actionTokenIds: [7, 8, 9],
  actionLogprobs: [-0.5, -1.25, -0.125],
  model: { name: 'swirl-tiny', version: 'base' },
  promptVersion: 'swirl-v1',
  toolResult: {
    toolName: 'calculator',
    callId: 'traj-1/1',
    status: ToolResultStatus.TOOL_RESULT_STATUS_OK,
    output: '24',
    observation: '48 / 2 -> 24',
    elapsed: durationFromMs(1.5),
    detail: { $case: 'calculator', value: CalculatorDetail.fromPartial({ valueText: '24', exact: true }) },
  },
  observation: '48 / 2 -> 24',
  finishReason: FinishReason.FINISH_REASON_STOP_SEQUENCE,
  timings: {
    startTime: new Date('2025-01-02T03:04:05.678Z'),
    generation: { queue: durationFromMs(2), timeToFirstToken: durationFromMs(12.25) },
    tool: durationFromMs(3),
    total: durationFromMs(40),
  },
  verdicts: [{ label: VerdictLabel.VERDICT_LABEL_GOOD, score: 1, judgeId: 'rules', judgeVersion: '1', votes: 1, goodVotes: 1 }],
  seed: 0,
});

describe('generated messages', () => {
  it('round-trips a Step (oneof, Struct, Duration, Date, packed floats, optional seed) through the wire format', () => {
    const decoded = Step.decode(Step.encode(step).finish());
    expect(decoded).toEqual(step);
    expect(decoded.seed).toBe(0); // `optional`: an explicit 0 survives, unlike a plain proto3 scalar
    expect(decoded.action?.parsed).toEqual({
      $case: 'toolCall',
      value: { toolName: 'calculator', arguments: { expression: '48 / 2' }, callId: 'traj-1/1' },
    });
    expect(Step.decode(Step.encode(Step.fromPartial({})).finish()).seed).toBeUndefined();
  });

  it('round-trips a ToolResult with a search detail, through the wire format and ts-proto JSON', () => {
    const result: ToolResult = ToolResult.fromPartial({
      toolName: 'search',
      callId: 'c-7',
      status: ToolResultStatus.TOOL_RESULT_STATUS_OK,
      output: '1. Paris: capital of France',
      observation: 'capital of France -> 1. Paris: capital of France',
      truncated: true,
      elapsed: { seconds: 0, nanos: 2_500_000 },
      detail: {
        $case: 'search',
        value: { corpus: 'world-7', hits: [{ docId: 'd1', title: 'Paris', snippet: 'capital of France', score: 3.5, rank: 1 }] },
      },
    });
    expect(ToolResult.decode(ToolResult.encode(result).finish())).toEqual(result);
    const json = ToolResult.toJSON(result) as Record<string, unknown>;
    expect(json['status']).toBe('TOOL_RESULT_STATUS_OK');
    // ts-proto writes Duration as {seconds, nanos}, not canonical proto3 JSON ("0.0025s"); see README.
    expect(json['elapsed']).toEqual({ nanos: 2_500_000 });
    expect(ToolResult.fromJSON(json)).toEqual(result);
  });

  it('exposes each .proto file as a namespace and the same symbols flat', () => {
    expect(trajectory.ToolResult).toBe(ToolResult);
    expect(tools.ToolServiceService.execute.path).toBe('/swirl.v1.ToolService/Execute');
    expect(ChatRole.CHAT_ROLE_USER).toBe(2);
  });
});

describe('descriptor set', () => {
  const buffer = readFileSync(descriptorSetPath);
  const definition = loadFileDescriptorSetFromBuffer(buffer);

  it('contains every service with all of its methods', () => {
    expect(serviceNames).toHaveLength(6);
    for (const name of serviceNames) {
      const service = definition[name] as Record<string, { path: string }> | undefined;
      expect(service).toBeDefined();
      const generated = Object.values(serviceDefinitions[name]).map((m) => m.path).sort();
      expect(Object.values(service!).map((m) => m.path).sort()).toEqual(generated);
    }
  });

  it('lists every swirl.v1 service that the descriptor set defines', () => {
    const described = Object.entries(definition)
      .filter(([key, value]) => key.startsWith('swirl.v1.') && !('format' in value))
      .map(([key]) => key)
      .sort();
    expect(described).toEqual([...serviceNames].sort());
  });

  it('includes the google/protobuf imports, so reflection can serve them', () => {
    for (const type of ['google.protobuf.Duration', 'google.protobuf.Timestamp', 'google.protobuf.Struct']) {
      expect(definition[type]).toBeDefined();
    }
  });

  it('declares an idempotency level on every RPC', () => {
    const idempotent = idempotentMethodsFromDescriptorSet(buffer);
    const all = serviceNames.flatMap((name) => Object.values(serviceDefinitions[name]).map((m) => m.path));
    expect([...idempotent].sort()).toEqual(all.sort());
    expect(idempotent.has('/swirl.v1.ToolService/Execute')).toBe(true);
  });
});

describe('duration helpers', () => {
  it('convert milliseconds to google.protobuf.Duration and back', () => {
    expect(durationFromMs(1500.25)).toEqual({ seconds: 1, nanos: 500_250_000 });
    expect(durationFromMs(-1.5)).toEqual({ seconds: 0, nanos: -1_500_000 });
    expect(durationToMs(durationFromMs(42.5))).toBe(42.5);
    expect(durationToMs(undefined)).toBeUndefined();
    expect(() => durationFromMs(Number.NaN)).toThrow(RangeError);
  });
});
