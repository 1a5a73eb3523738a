import { parseAction } from '@swirl/actions';
import { checkRule } from '../testing/check-rule.test-support';
import { hotpotConversation } from '../testing/hotpot-conversation.test-support';
import { actionOf, teacherStep, teacherSteps } from '../testing/teacher-steps.test-support';
import { queryRelatesToQuestion } from './query-relates-to-question';

describe('query-relates-to-question', () => {
  it('rejects every unhelpful query the teacher made on a sample, naming what it is about', () => {
    const unhelpful = teacherSteps({ template: 'birth-country' }).filter((s) => s.label.mistake === 'unhelpful-query');
    expect(unhelpful.length).toBeGreaterThan(5);
    for (const s of unhelpful) {
      const finding = checkRule(queryRelatesToQuestion, s.step);
      expect({ action: actionOf(s), ok: finding.ok }).toEqual({ action: actionOf(s), ok: false });
      expect(!finding.ok && finding.why).toMatch(/^the query is about ".+", which neither the question nor any result about it mentions$/);
    }
  });

  it('accepts a bridge query about the entity the first result revealed (not named in the question)', () => {
    const bridge = teacherStep({ template: 'birth-country' }, (s) => s.label.good && s.index >= 1 && parseAction(actionOf(s)).kind === 'search');
    const query = (parseAction(actionOf(bridge)) as { query: string }).query;
    expect(bridge.question.question).not.toContain(query.split(' ')[0]);
    expect(checkRule(queryRelatesToQuestion, bridge.step)).toMatchObject({ ok: true, applies: true });
  });

  it('does not take a shared company suffix for a relation ("Geasta Motors" is not "Kriokegu Motors")', () => {
    const unrelatedTitle = (t: { question: { question: string }; step: { prefix: readonly { content: string }[] } }) => {
      const observation = t.step.prefix[t.step.prefix.length - 1]!.content;
      const titles = observation.slice(observation.indexOf(' -> ') + 4).split(' | ').map((hit) => hit.split(': ')[0]!);
      return titles.find((title) => !t.question.question.includes(title) && t.question.question.includes(` ${title.split(' ').pop()!}`));
    };
    const s = teacherStep({ template: 'older-company' }, (t) => t.label.good && t.index === 1 && parseAction(actionOf(t)).kind === 'search' && unrelatedTitle(t) !== undefined);
    const unrelated = unrelatedTitle(s);
    const finding = checkRule(queryRelatesToQuestion, { ...s.step, action: `Let me look up ${unrelated}. <search_query>${unrelated} founded</search_query>` });
    expect(finding.ok).toBe(false);
  });

  it('works on HotPotQA questions in the paper’s format: the question’s entities and what results reveal', () => {
    const { step, supportingTitles } = hotpotConversation('Were Scott Derrickson and Ed Wood of the same nationality?', 1);
    expect(checkRule(queryRelatesToQuestion, { ...step, action: `Now Ed Wood. <search_query>${supportingTitles[1]}</search_query>` }).ok).toBe(true);
    expect(checkRule(queryRelatesToQuestion, { ...step, action: '<search_query>Ed Wood nationality</search_query>' }).ok).toBe(true);
    expect(checkRule(queryRelatesToQuestion, { ...step, action: '<search_query>Tom Hanks filmography</search_query>' }).ok).toBe(false);
    expect(checkRule(queryRelatesToQuestion, { ...step, action: '<search_query>best pizza recipes</search_query>' }).ok).toBe(false);
  });
});
