import { invalidArgument, notFound } from '@swirl/grpc-kit';
import { JudgeBackend, JudgeKind, OutcomeGrader, type JudgeInfo } from '@swirl/proto';
import type { OutcomeGraderBackend } from './outcome-grader';
import type { ProcessJudge } from './process-judge';

const BACKEND = { rules: JudgeBackend.JUDGE_BACKEND_RULES, llm: JudgeBackend.JUDGE_BACKEND_LLM } as const;

/** The configured judges and graders, found by id (process) or by OutcomeGrader (outcome). */
export class JudgeRegistry {
  private readonly processById: ReadonlyMap<string, ProcessJudge>;
  private readonly graderByKind: ReadonlyMap<OutcomeGrader, OutcomeGraderBackend>;

  constructor(
    processJudges: readonly ProcessJudge[],
    graders: readonly OutcomeGraderBackend[],
    private readonly defaultProcessId: string,
  ) {
    this.processById = new Map(processJudges.map((j) => [j.id, j]));
    this.graderByKind = new Map(graders.map((g) => [g.grader, g]));
    if (!this.processById.has(defaultProcessId)) throw new Error(`default process judge "${defaultProcessId}" is not configured`);
  }

  /** A process judge by id; '' is the default. */
  processJudge(id: string): ProcessJudge {
    const judge = this.processById.get(id === '' ? this.defaultProcessId : id);
    if (judge !== undefined) return judge;
    const known = [...this.processById.keys()].sort().join(', ');
    const hint = id === 'llm' ? ' (the llm judge needs the service started with --inference-target and --llm-model)' : '';
    throw notFound(`unknown process judge "${id}"${hint}; configured process judges: ${known}`);
  }

  /** An outcome grader; UNSPECIFIED must be resolved to the family default first. */
  grader(kind: OutcomeGrader): OutcomeGraderBackend {
    if (kind === OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED) throw new Error('resolve the family default grader before looking it up');
    const grader = this.graderByKind.get(kind);
    if (grader !== undefined) return grader;
    if (kind === OutcomeGrader.OUTCOME_GRADER_LLM) throw notFound('the LLM grader is not configured: start the judge service with --inference-target and --llm-model');
    throw invalidArgument(`unknown outcome grader ${kind}; use EXACT_MATCH, TOKEN_F1, NUMERIC or LLM`);
  }

  /** ListJudges: every judge and grader, sorted by id. */
  list(kind: JudgeKind): JudgeInfo[] {
    const infos: JudgeInfo[] = [];
    if (kind !== JudgeKind.JUDGE_KIND_OUTCOME) {
      for (const j of this.processById.values()) {
        infos.push({
          id: j.id,
          version: j.listedVersion,
          kind: JudgeKind.JUDGE_KIND_PROCESS,
          backend: BACKEND[j.backend],
          grader: OutcomeGrader.OUTCOME_GRADER_UNSPECIFIED,
          model: j.model,
          defaultSamples: j.defaultSamples,
          isDefault: j.id === this.defaultProcessId,
          description: j.description,
        });
      }
    }
    if (kind !== JudgeKind.JUDGE_KIND_PROCESS) {
      for (const g of this.graderByKind.values()) {
        infos.push({
          id: g.id,
          version: g.listedVersion,
          kind: JudgeKind.JUDGE_KIND_OUTCOME,
          backend: BACKEND[g.backend],
          grader: g.grader,
          model: g.model,
          defaultSamples: g.defaultSamples,
          // The family defaults: numeric for math, exact match for multi-hop QA.
          isDefault: g.grader === OutcomeGrader.OUTCOME_GRADER_NUMERIC || g.grader === OutcomeGrader.OUTCOME_GRADER_EXACT_MATCH,
          description: g.description,
        });
      }
    }
    return infos.sort((a, b) => a.id.localeCompare(b.id));
  }
}
