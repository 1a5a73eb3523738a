import { status } from '@grpc/grpc-js';
import type { Completion, ModelRef, SamplingParams } from '@swirl/proto';
import type { InferencePort } from '../clients/service-clients';
import { mapConcurrent } from './map-concurrent';
import type { TrainingExample } from './training-example';

/** G fresh actions of one stored state, drawn in one Generate call. */
export interface SampledGroup {
  readonly example: TrainingExample;
  /** Position of the state in the update's batch. */
  readonly position: number;
  /** The state after the policy's chat template, as the policy saw it. */
  readonly promptTokenIds: readonly number[];
  readonly completions: readonly Completion[];
  /** Concrete version that generated them. */
  readonly model: ModelRef;
  /** Request seed; sample i used seed + i. */
  readonly seed: number;
}

export interface SampleOptions {
  /** The current policy version. */
  readonly model: ModelRef;
  readonly sampling: SamplingParams;
  readonly samplesPerState: number;
  readonly concurrency: number;
  readonly seedOf: (position: number) => number;
  readonly signal?: AbortSignal;
}

export interface SampleResult {
  readonly groups: SampledGroup[];
  /** States the policy could not be asked about (e.g. longer than its context window), with the reason. */
  readonly skipped: { readonly example: TrainingExample; readonly reason: string }[];
}

/**
 * Samples G actions for every state of a batch from the current policy. The calls run
 * concurrently so inference can batch them; states are sent as chat messages and the prompt
 * token ids come back with the samples, so the learner trains on exactly what was sampled.
 */
export async function sampleGroups(inference: InferencePort, batch: readonly TrainingExample[], options: SampleOptions): Promise<SampleResult> {
  const skipped: SampleResult['skipped'] = [];
  const drawn = await mapConcurrent<TrainingExample, SampledGroup | undefined>(batch, options.concurrency, async (example, position) => {
    const seed = options.seedOf(position);
    try {
      const response = await inference.generate(
        {
          model: options.model,
          input: { $case: 'chat', value: { messages: [...example.state] } },
          sampling: { ...options.sampling, seed },
          numSamples: options.samplesPerState,
          returnPromptTokenIds: true,
        },
        options.signal,
      );
      const group: SampledGroup = { example, position, promptTokenIds: response.promptTokenIds, completions: response.completions, model: response.model!, seed };
      return group;
    } catch (error) {
      // A state that does not fit the context window is skipped, not fatal: the rest of the batch still trains.
      if ((error as { code?: number }).code === status.INVALID_ARGUMENT) {
        skipped.push({ example, reason: (error as Error).message });
        return undefined;
      }
      throw error;
    }
  });
  return { groups: drawn.filter((g): g is SampledGroup => g !== undefined), skipped };
}
