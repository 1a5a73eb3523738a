import type { NewStep, Step } from '../../domain/step';
import { decodeFloat32Blob, decodeUint32Blob } from '../../encoding/typed-array-blob';
import { rowHash } from '../../encoding/row-hash';
import { StoreConflictError, StoreNotFoundError, StorePreconditionError } from '../../errors/store-error';
import { validateStep, type StepColumns } from '../../rules/validate-step';
import { optional, type SqliteContext } from '../sqlite-context';

export type StepRow = StepColumns & { content_hash: string; created_at: number };

export function toStep(row: StepRow): Step {
  return {
    trajectoryId: row.trajectory_id,
    index: row.step_index,
    prefix: {
      hash: row.prefix_hash,
      messageCount: row.prefix_message_count,
      tokenCount: row.prefix_token_count,
      ...(row.prefix_token_ids === null ? {} : { tokenIds: decodeUint32Blob(row.prefix_token_ids) }),
    },
    action: {
      kind: row.action_kind,
      text: row.action_text,
      reasoning: row.reasoning,
      ...(row.tool_name === null ? {} : { toolCall: { toolName: row.tool_name, arguments: JSON.parse(row.tool_arguments!), callId: optional(row.tool_call_id) } }),
      answer: optional(row.answer),
      parseError: optional(row.parse_error),
    },
    actionTokenIds: decodeUint32Blob(row.action_token_ids),
    actionLogprobs: decodeFloat32Blob(row.action_logprobs),
    finishReason: row.finish_reason,
    toolResult:
      row.tool_status === null
        ? undefined
        : {
            status: row.tool_status,
            output: row.tool_output!,
            observation: row.tool_observation!,
            errorMessage: optional(row.tool_error),
            truncated: row.tool_truncated === 1,
            detail: row.tool_detail === null ? undefined : JSON.parse(row.tool_detail),
          },
    observation: row.observation,
    model: { name: row.model_name, version: row.model_version },
    promptVersion: row.prompt_version,
    seed: optional(row.seed),
    timings: {
      startedAt: new Date(row.started_at),
      generationMs: row.generation_ms,
      toolMs: optional(row.tool_ms),
      totalMs: row.total_ms,
    },
    createdAt: new Date(row.created_at),
  };
}

interface TrajectoryState {
  status: string;
  step_count: number;
  max_steps: number;
}

export class StepsRepo {
  constructor(private readonly ctx: SqliteContext) {}

  append(step: NewStep): Step {
    const columns = validateStep(step);
    const hash = rowHash(columns);
    const id = `${columns.trajectory_id}/${columns.step_index}`;
    return this.ctx.write(() => {
      const stored = this.ctx.get<StepRow>('SELECT * FROM steps WHERE trajectory_id = ? AND step_index = ?', columns.trajectory_id, columns.step_index);
      if (stored) {
        if (stored.content_hash === hash) return toStep(stored);
        throw new StoreConflictError(`step ${id} is already stored with different content; stored steps are never replaced, so a resumed job must continue after them`);
      }
      const trajectory = this.ctx.get<TrajectoryState>('SELECT status, step_count, max_steps FROM trajectories WHERE id = ?', columns.trajectory_id);
      if (!trajectory) throw new StoreNotFoundError(`trajectory ${columns.trajectory_id} does not exist; start it before appending steps`);
      if (trajectory.status !== 'running') throw new StorePreconditionError(`trajectory ${columns.trajectory_id} is ${trajectory.status}; steps can only be appended while it runs`);
      if (columns.step_index !== trajectory.step_count) {
        throw new StorePreconditionError(`step ${id} is out of order: trajectory ${columns.trajectory_id} has ${trajectory.step_count} steps, so the next index is ${trajectory.step_count}`);
      }
      if (columns.step_index >= trajectory.max_steps) {
        throw new StorePreconditionError(`step ${id} exceeds the trajectory's step cap of ${trajectory.max_steps}`);
      }
      const row: StepRow = { ...columns, content_hash: hash, created_at: this.ctx.now() };
      this.ctx.run(INSERT_STEP, row);
      this.ctx.run('UPDATE trajectories SET step_count = step_count + 1 WHERE id = ?', columns.trajectory_id);
      return toStep(row);
    });
  }

  /** Steps of the given trajectory, in order. */
  list(trajectoryId: string): Step[] {
    return this.ctx.all<StepRow>('SELECT * FROM steps WHERE trajectory_id = ? ORDER BY step_index', trajectoryId).map(toStep);
  }
}

const STEP_COLUMNS = [
  'trajectory_id', 'step_index', 'prefix_hash', 'prefix_message_count', 'prefix_token_count', 'prefix_token_ids',
  'action_kind', 'action_text', 'reasoning', 'answer', 'parse_error', 'tool_name', 'tool_arguments', 'tool_call_id',
  'action_token_ids', 'action_logprobs', 'finish_reason', 'tool_status', 'tool_output', 'tool_observation', 'tool_error',
  'tool_truncated', 'tool_detail', 'observation', 'model_name', 'model_version', 'prompt_version', 'seed', 'started_at',
  'generation_ms', 'tool_ms', 'total_ms', 'content_hash', 'created_at',
] as const satisfies readonly (keyof StepRow)[];

const INSERT_STEP = `INSERT INTO steps (${STEP_COLUMNS.join(', ')}) VALUES (${STEP_COLUMNS.map((column) => `@${column}`).join(', ')})`;
