import { renderConversation } from '@swirl/world';
import { teacherStep } from '../testing/teacher-steps.test-support';
import { readConversation } from './conversation';
import { isErrorResult, readObservation } from './observation';
import { readSearchHits } from './search-hit';

describe('reading a prefix', () => {
  it('splits a teacher conversation into question, actions and observations', () => {
    const s = teacherStep({ template: 'birth-country' }, (t) => t.index === 2);
    const c = readConversation(s.step.prefix);
    expect(c.question).toBe(s.question.question);
    expect(c.system).toContain('<search_query>');
    expect(c.steps).toHaveLength(2);
    expect(c.steps[0]!.action.kind).toBe('search');
    expect(c.steps[0]!.observation!.call).toBe((c.steps[0]!.action as { query: string }).query);
    expect(readSearchHits(c.steps[0]!.observation!.result)[0]!.title).toBeDefined();
  });

  it('takes the question after the last "Question:" label of the first user turn, and tolerates a missing system prompt', () => {
    const c = readConversation([{ role: 'user', content: 'Solve this.\nQuestion: What is 2 + 2?' }, { role: 'assistant', content: '<math_exp>2 + 2</math_exp>' }, { role: 'tool', content: '2 + 2 -> 4' }]);
    expect(c).toMatchObject({ system: '', question: 'What is 2 + 2?' });
    expect(c.steps[0]!.observation).toMatchObject({ call: '2 + 2', result: '4' });
  });

  it('renders nothing extra for an empty world conversation', () => {
    const prefix = renderConversation({ family: 'math', question: 'Q?' }, []);
    expect(readConversation(prefix).steps).toEqual([]);
  });
});

describe('observations and hits', () => {
  it('splits CALL -> RESULT using the known call first', () => {
    expect(readObservation('a -> b -> c', 'a -> b')).toMatchObject({ call: 'a -> b', result: 'c' });
    expect(readObservation('a -> b -> c')).toMatchObject({ call: 'a', result: 'b -> c' });
    expect(readObservation('just text')).toMatchObject({ call: '', result: 'just text' });
    expect(isErrorResult('error: division by zero')).toBe(true);
    expect(isErrorResult('24')).toBe(false);
  });

  it('reads numbered and plain hits, and no hits for "no results"', () => {
    expect(readSearchHits('[1] Berlin: capital of Germany | [2] Paris: capital of France')).toEqual([
      { title: 'Berlin', text: 'Berlin: capital of Germany' },
      { title: 'Paris', text: 'Paris: capital of France' },
    ]);
    expect(readSearchHits('no results')).toEqual([]);
  });
});
