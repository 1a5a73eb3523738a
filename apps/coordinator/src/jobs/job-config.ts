import { JobResult, JobSpec } from '@swirl/proto';
import type { Job, JsonObject, JsonValue } from '@swirl/store';

/**
 * What the store keeps of a job's spec: the request as submitted (for request-id idempotency:
 * a repeat must match it exactly) and the spec with every default resolved (what runs, and
 * what a restarted coordinator resumes with, e.g. the drawn seed and the concrete model).
 */
export interface JobConfig {
  readonly submitted: JobSpec;
  readonly resolved: JobSpec;
}

export function jobConfigToJson(config: JobConfig): JsonObject {
  return { submitted: JobSpec.toJSON(config.submitted) as JsonValue, resolved: JobSpec.toJSON(config.resolved) as JsonValue };
}

export function jobConfigOf(job: Job): JobConfig {
  return jobConfigFromJson(job.config);
}

/** A stored config back to specs; a config without specs (a pipeline's train stage job) reads as empty specs. */
export function jobConfigFromJson(config: JsonObject): JobConfig {
  return { submitted: JobSpec.fromJSON(config['submitted'] ?? {}), resolved: JobSpec.fromJSON(config['resolved'] ?? {}) };
}

/** Canonical text of a submitted request, to compare a repeated StartJob with the original. */
export function requestFingerprint(spec: JobSpec, displayName: string): string {
  return JSON.stringify(canonical({ spec: JobSpec.toJSON(spec), displayName }));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function jobResultToJson(result: JobResult): JsonValue {
  return JobResult.toJSON(result) as JsonValue;
}

export function jobResultOf(job: Job): JobResult | undefined {
  return job.result === undefined ? undefined : JobResult.fromJSON(job.result);
}
