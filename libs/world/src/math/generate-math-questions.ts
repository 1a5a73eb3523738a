import type { Split } from '../knowledge/entities';
import { NameGenerator } from '../knowledge/name-generator';
import type { SeededRandom } from '../random/seeded-random';
import { expressionOf } from './calculation-builder';
import { templatesForSplit } from '../world/templates-for-split';
import type { WorldQuestion } from '../world/world-question';
import { MATH_TEMPLATES } from './math-templates';

const MAX_ATTEMPTS_PER_QUESTION = 200;

/** Wrong but plausible numbers near the gold answer, for the teacher's guesses. */
function numericDistractors(random: SeededRandom, answer: string, intermediate: readonly string[]): string[] {
  const gold = Number(answer);
  const near = [gold + random.int(1, 9), Math.max(0, gold - random.int(1, 9)), gold * 2];
  return [...new Set([...intermediate.slice(0, -1), ...near.map(String)])].filter((x) => x !== answer).slice(0, 3);
}

/** `count` distinct arithmetic word problems; train uses only the templates that are not held out. */
export function generateMathQuestions(split: Split, count: number, random: SeededRandom): WorldQuestion[] {
  const templates = templatesForSplit(MATH_TEMPLATES, split);
  // Story characters need no uniqueness beyond variety; their own stream keeps the corpus names stable.
  const names = new NameGenerator(random.fork('story-names'));
  const seen = new Set<string>();
  const questions: WorldQuestion[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_ATTEMPTS_PER_QUESTION) throw new Error(`${split}: could not draw ${count} distinct math questions (stuck at ${i})`);
      const template = random.pick(templates);
      const draft = template.build(random, names.word());
      if (seen.has(draft.question)) continue;
      seen.add(draft.question);
      const steps = draft.calculation.steps;
      const results = steps.map((s) => s.result);
      const answer = draft.calculation.answer;
      questions.push({
        id: `${split}-math-${String(i).padStart(5, '0')}`,
        family: 'math',
        split,
        template: template.id,
        question: draft.question,
        answer,
        supportingTitles: [],
        plan: [
          ...steps.map((s) => ({ kind: 'calculate' as const, reasoning: s.reasoning, expression: expressionOf(s, results) })),
          { kind: 'answer', reasoning: `The answer is ${answer}.`, answer },
        ],
        hops: [],
        calculations: steps,
        distractors: numericDistractors(random, answer, results),
      });
      break;
    }
  }
  return questions;
}
