import { renderHtml } from './render-html';
import { sampleReport } from './testing/sample-report.test-support';

describe('renderHtml', () => {
  const html = renderHtml(sampleReport());

  it('is one self-contained page: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import/i);
  });

  it('draws the accuracy chart with one bar and one CI whisker per model and family', () => {
    const accuracy = html.split('<figure>')[1]!;
    expect(accuracy).toContain('aria-label="Held-out accuracy with 95% CI"');
    expect(accuracy.match(/<rect [^>]*><title>/g)).toHaveLength(4);
    expect(accuracy).toContain('swirl / math: 0.600 [0.531, 0.665]');
  });

  it('draws reward and KL curves from the training points', () => {
    expect(html).toContain('aria-label="Mean reward per update"');
    expect(html).toContain('aria-label="KL to the base policy per update"');
    expect(html).toMatch(/<path d="M[\d.]+,[\d.]+ L[\d.]+,[\d.]+ L[\d.]+,[\d.]+"/);
  });

  it('escapes text from the report everywhere', () => {
    expect(html).toContain('<title>SWiRL &lt;main job&gt; | seed 1</title>');
    expect(html).not.toContain('<main job>');
  });

  it('renders the tables of the Markdown report', () => {
    expect(html).toContain('<th>family</th>');
    expect(html).toContain('<td>base: 40.0%</td>');
  });
});
