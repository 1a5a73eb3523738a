import type { RunMetrics } from '@swirl/store';
import { toStoredValues, type UpdateMetrics } from '../training/update-metrics';
import { lastExportAtOrBefore, latestMetricsByUpdate } from './stored-progress';

const row = (step: number, attempt: number, exported: boolean): RunMetrics => ({
  runId: 'r',
  step,
  attempt,
  values: toStoredValues({ update: step, exported, loss: step + attempt / 10 } as unknown as UpdateMetrics),
  createdAt: new Date(),
});

describe('stored progress', () => {
  const rows = [row(1, 0, false), row(2, 0, true), row(3, 0, true), row(3, 1, false), row(4, 1, true)];

  it('takes the newest attempt of every update', () => {
    const byUpdate = latestMetricsByUpdate(rows);
    expect([...byUpdate.keys()]).toEqual([1, 2, 3, 4]);
    expect(byUpdate.get(3)).toMatchObject({ attempt: 1, metrics: { loss: 3.1, exported: false } });
  });

  it('finds the last export at or before an update, ignoring exports of abandoned attempts', () => {
    const byUpdate = latestMetricsByUpdate(rows);
    expect(lastExportAtOrBefore(byUpdate, 3)).toEqual({ update: 2, attempt: 0 });
    expect(lastExportAtOrBefore(byUpdate, 10)).toEqual({ update: 4, attempt: 1 });
    expect(lastExportAtOrBefore(byUpdate, 1)).toBeUndefined();
  });
});
