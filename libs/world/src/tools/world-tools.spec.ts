import { sharedWorld } from '../testing/shared-world.test-support';
import { renderSearchResult } from '@swirl/search';
import { createWorldTools } from './world-tools';

describe('createWorldTools', () => {
  const { world, tools } = sharedWorld();

  it('searches the whole corpus and writes one-line observations with the top 3 hits', () => {
    const article = world.corpus[0];
    const observation = tools.searchObservation(article.title);
    expect(observation.startsWith(`${article.title} -> ${article.title}: `)).toBe(true);
    expect(observation).not.toContain('\n');
    expect(observation.split(' | ')).toHaveLength(3);
    expect(tools.searcher.documentCount).toBe(world.corpus.length);
  });

  it('reports queries without results in words', () => {
    expect(tools.searchObservation('the of and')).toBe('the of and -> error: the query has no searchable words: name the entity or fact to look up');
    expect(tools.searchObservation('zzzzqqq')).toBe('zzzzqqq -> no results');
  });

  it('runs the real calculator', () => {
    expect(tools.calculateObservation('48 / 2')).toEqual({ observation: '48 / 2 -> 24', result: '24' });
    const failed = tools.calculateObservation('1 / 0');
    expect(failed.result).toBeUndefined();
    expect(failed.observation).toMatch(/^1 \/ 0 -> error: /);
  });

  it('takes its top-k from the options', () => {
    const one = createWorldTools(world.corpus.slice(0, 50), { topK: 1 });
    expect(one.search(world.corpus[1].title).hits).toHaveLength(1);
    expect(renderSearchResult(one.search(world.corpus[1].title)).text).toBe(`${world.corpus[1].title}: ${world.corpus[1].text}`);
  });
});
