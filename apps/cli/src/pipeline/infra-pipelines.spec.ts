import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPipelineConfig } from './pipeline-config';

// The pipeline files the Kubernetes Job runs (infra/k8s/base/pipelines, a ConfigMap) must be
// valid CLI pipeline files: an error there would only show in the cluster.
const DIR = resolve(__dirname, '../../../../infra/k8s/base/pipelines');

describe('infra/k8s pipeline files', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

  it('exist', () => expect(files).toEqual(expect.arrayContaining(['pipeline.yaml', 'smoke.yaml'])));

  it.each(files)('%s loads with the CLI and uses the cluster policy, writing reports to the writable /tmp', (file) => {
    const config = loadPipelineConfig(join(DIR, file));
    expect(config.policy).toEqual({ name: 'swirl-base', version: 'v1' });
    expect(config.reportDir.startsWith('/tmp/')).toBe(true);
  });
});
