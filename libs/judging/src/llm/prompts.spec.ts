import { teacherStep } from '../testing/teacher-steps.test-support';
import { outcomeGraderMessages, OUTCOME_GRADER_PROMPTS } from './outcome-grader-prompt';
import { renderTranscript } from './render-transcript';
import { STEP_JUDGE_PROMPTS, stepJudgeMessages } from './step-judge-prompt';

describe('the step judge prompt', () => {
  const s = teacherStep({ template: 'birth-country' }, (t) => t.index === 2);

  it('carries the paper’s judging rules and asks for a parseable verdict', () => {
    const [system, user] = stepJudgeMessages(s.step, 'full', { maxTranscriptChars: 20_000 });
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('Judge ONLY the last message');
    expect(system!.content).toContain('likely to help answer the original question');
    expect(system!.content).toContain('Do not judge whether it is actually correct');
    expect(system!.content).toMatch(/"Verdict: GOOD" or "Verdict: BAD"/);
    expect(user!.content).toContain(`Question: ${s.question.question}`);
    expect(user!.content).toContain(`The last message, to judge:\n${s.step.action}`);
    expect(user!.content).not.toContain('You answer questions about a world');
  });

  it('has versioned variants, the compact one short enough for a small model', () => {
    expect(STEP_JUDGE_PROMPTS.full.version).toMatch(/\/\d+$/);
    expect(STEP_JUDGE_PROMPTS.compact.version).not.toBe(STEP_JUDGE_PROMPTS.full.version);
    const step = { prefix: [{ role: 'user' as const, content: 'What is 48 / 2?' }], action: '<math_exp>48 / 2</math_exp>' };
    const compact = stepJudgeMessages(step, 'compact', { maxTranscriptChars: 200 });
    expect(compact.map((m) => m.content).join('').length).toBeLessThan(300);
  });

  it('shortens long conversations: tool results first, then the oldest turns, never the question', () => {
    const full = renderTranscript(s.step.prefix, { maxChars: 100_000 });
    expect(full).toContain('User: Question:');
    const short = renderTranscript(s.step.prefix, { maxChars: 400, maxObservationChars: 60 });
    expect(short.length).toBeLessThanOrEqual(400);
    expect(short.startsWith(`User: Question: ${s.question.question}`)).toBe(true);
    expect(short).toMatch(/earlier messages? left out|…/);
  });
});

describe('the outcome grader prompt', () => {
  it('shows the question, every gold answer and the response, and asks YES or NO', () => {
    const [system, user] = outcomeGraderMessages({ question: 'How much?', golds: ['10', '$10'], predicted: '10 dollars' });
    expect(system!.content).toBe(OUTCOME_GRADER_PROMPTS.full.system);
    expect(system!.content).toContain('"Verdict: YES" or "Verdict: NO"');
    expect(user!.content).toBe('Question: How much?\nAnswer key: 10 | $10\nResponse: 10 dollars\nIs the response correct?');
    const [compact] = outcomeGraderMessages({ question: '', golds: ['1'], predicted: '' }, 'compact');
    expect(compact!.content).toBe(OUTCOME_GRADER_PROMPTS.compact.system);
    expect(OUTCOME_GRADER_PROMPTS.compact.version).not.toBe(OUTCOME_GRADER_PROMPTS.full.version);
  });
});
