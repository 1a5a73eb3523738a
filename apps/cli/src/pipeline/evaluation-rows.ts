import { OutcomeLabel, TrajectoryView, type CoordinatorServiceClient, type ListTrajectoriesResponse, type Trajectory } from '@swirl/proto';

/** One evaluated trajectory: which model, which question, and whether its answer was graded correct. */
export interface EvaluationRow {
  /** `name@version` of the policy. */
  readonly model: string;
  readonly taskId: string;
  /** null: not graded (the trajectory ended with an error). */
  readonly correct: boolean | null;
}

/** ListTrajectories' largest page. */
const PAGE_SIZE = 200;

/**
 * The per-question results of an evaluation job, read from the coordinator's store over gRPC
 * (its outcome verdicts), so paired tests work wherever the CLI runs: the coordinator's report
 * files may live on another machine or pod.
 */
export async function evaluationRows(client: CoordinatorServiceClient, jobId: string, signal?: AbortSignal): Promise<EvaluationRow[]> {
  const rows: EvaluationRow[] = [];
  let pageToken = '';
  do {
    const page = await listPage(client, jobId, pageToken, signal);
    rows.push(...page.trajectories.map(rowOf));
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  return rows;
}

function rowOf(t: Trajectory): EvaluationRow {
  // The evaluation grades each trajectory once; a later regrade would come last.
  const verdict = t.outcomeVerdicts[t.outcomeVerdicts.length - 1];
  const correct = verdict === undefined ? null : verdict.label === OutcomeLabel.OUTCOME_LABEL_YES;
  return { model: `${t.model?.name ?? ''}@${t.model?.version ?? ''}`, taskId: t.task?.id ?? '', correct };
}

function listPage(client: CoordinatorServiceClient, jobId: string, pageToken: string, signal?: AbortSignal): Promise<ListTrajectoriesResponse> {
  return new Promise((resolve, reject) => {
    const onAbort = () => call.cancel();
    const call = client.listTrajectories(
      { jobId, pageToken, pageSize: PAGE_SIZE, view: TrajectoryView.TRAJECTORY_VIEW_BASIC, datasetVersionId: '', taskId: '', family: 0, finishReason: 0 },
      (err, res) => {
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve(res);
      },
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
