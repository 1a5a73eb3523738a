import { makeSnippet } from './make-snippet';

const filler = (n: number, word = 'lorem') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('makeSnippet', () => {
  it('returns short text whole, with whitespace tidied', () => {
    expect(makeSnippet('  Tea is a\n beverage.  ', ['tea'])).toBe('Tea is a beverage.');
  });

  it('stays within the budget, cuts on word boundaries and marks both cuts', () => {
    const text = `${filler(60)} The Eiffel Tower is in Paris. ${filler(60, 'ipsum')}`;
    const snippet = makeSnippet(text, ['eiffel', 'paris'], { maxChars: 80 });
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    const body = snippet.slice(1, -1);
    expect(body.length).toBeLessThanOrEqual(80);
    expect(body).toContain('Eiffel Tower is in Paris');
    // Every piece is a whole word of the original text.
    for (const word of body.split(' ')) expect(text.split(' ')).toContain(word);
  });

  it('prefers the window covering the most distinct query terms', () => {
    const text = `Paris is mentioned here. ${filler(40)} Paris and the Eiffel Tower appear together here. ${filler(40)}`;
    const snippet = makeSnippet(text, ['paris', 'eiffel'], { maxChars: 100 });
    expect(snippet).toContain('Eiffel');
    expect(snippet).toContain('Paris and the Eiffel Tower');
  });

  it('starts at the sentence holding the match when it fits', () => {
    const text = `${filler(50)}. Scott Derrickson directed Doctor Strange. ${filler(50)}`;
    const snippet = makeSnippet(text, ['derrickson'], { maxChars: 120 });
    expect(snippet).toMatch(/^…Scott Derrickson directed Doctor Strange\./);
  });

  it('matches accented text against plain query terms', () => {
    const text = `${filler(50)} The river Alû flows north. ${filler(50)}`;
    expect(makeSnippet(text, ['alu'], { maxChars: 60 })).toContain('Alû');
  });

  it('falls back to the start of the text when nothing matches', () => {
    const text = `First words here. ${filler(100)}`;
    const snippet = makeSnippet(text, ['absent'], { maxChars: 50 });
    expect(snippet.startsWith('First words here.')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('has no trailing mark when the window reaches the end', () => {
    const text = `${filler(100)} and finally the answer`;
    const snippet = makeSnippet(text, ['answer'], { maxChars: 60 });
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('the answer')).toBe(true);
  });

  it('is limited to 240 characters by default', () => {
    const snippet = makeSnippet(filler(200), ['lorem100']);
    expect(snippet.replace(/…/g, '').length).toBeLessThanOrEqual(240);
    expect(snippet).toContain('lorem100');
  });
});
