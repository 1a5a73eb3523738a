import { renderMarkdown } from './render-markdown';
import { sampleReport } from './testing/sample-report.test-support';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());

  it('puts the base-vs-trained comparison first, with p-values and the CI verdict', () => {
    const sections = md.split('\n').filter((l) => l.startsWith('## '));
    expect(sections[0]).toBe('## Base vs trained (held-out questions)');
    expect(md).toContain('| math | yes | base: 40.0% | swirl: 60.0% | 200 | 50 / 10 | < 0.0001 | yes |');
    expect(md).toContain('| multihop | no (cross-family) | base: 35.0% | swirl: 36.0% | 200 | 12 / 10 | 0.8300 | no |');
  });

  it('lists every evaluation row with its Wilson interval', () => {
    expect(md).toContain('| swirl | run-1/update-30 | math | 200 | 120 | 60.0% | [53.1%, 66.5%] | 3.40 | 1.0% |');
  });

  it('escapes pipes inside cells so tables keep their columns', () => {
    const row = md.split('\n').find((l) => l.startsWith('| policy model'))!;
    expect(row).toBe('| policy model | swirl-tiny@base |');
    expect(renderMarkdown({ ...sampleReport(), provenance: { 'a|b': 'c|d' } })).toContain('| a\\|b | c\\|d |');
  });

  it('shows first and last training points, filter yield and stage times', () => {
    expect(md).toContain('| first | 1 | 0.8000 | 0.0000 | 0.1000 |');
    expect(md).toContain('| last | 3 | 0.9000 | 0.0200 | 0.0800 |');
    expect(md).toContain('| process | 250 / 400 | 1100 / 1400 |');
    expect(md).toContain('| synthesize | 120.5 |');
  });

  it('omits sections that have no data', () => {
    const bare = renderMarkdown({ ...sampleReport(), comparisons: [], filters: [], training: [], judgeQuality: undefined, ablation: undefined, stages: [], notes: undefined });
    expect(bare).not.toContain('## Base vs trained');
    expect(bare).not.toContain('## Filter yield');
    expect(bare).toContain('## Accuracy per model and family');
  });
});
