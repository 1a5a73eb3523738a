import { OptionError } from '@swirl/grpc-kit';
import type { ModelRef } from '@swirl/proto';

interface Entry {
  readonly name: string;
  /** `*` matches every version. */
  readonly version: string;
  readonly dir: string;
}

/**
 * Where the learner finds the PyTorch weights of each base model, from `--base-checkpoints`
 * entries `name@version=dir` (an exact version wins over `*`).
 */
export class BaseCheckpoints {
  private constructor(private readonly entries: readonly Entry[]) {}

  static parse(specs: readonly string[]): BaseCheckpoints {
    const entries = specs.map((spec) => {
      const m = /^([^@=]+)@([^=]+)=(.+)$/.exec(spec);
      if (m === null) throw new OptionError(`--base-checkpoints: "${spec}" must look like name@version=/absolute/dir (version * for any)`);
      if (!m[3]!.startsWith('/')) throw new OptionError(`--base-checkpoints: the directory of "${spec}" must be absolute (it is read by the learner)`);
      return { name: m[1]!, version: m[2]!, dir: m[3]! };
    });
    return new BaseCheckpoints(entries);
  }

  /** The checkpoint directory of a concrete model version, or undefined if none is configured. */
  find(model: ModelRef): string | undefined {
    const exact = this.entries.find((e) => e.name === model.name && e.version === model.version);
    return (exact ?? this.entries.find((e) => e.name === model.name && e.version === '*'))?.dir;
  }
}
