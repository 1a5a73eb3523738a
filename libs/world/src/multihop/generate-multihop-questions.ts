import type { EntityPool, Split } from '../knowledge/entities';
import type { SeededRandom } from '../random/seeded-random';
import type { WorldQuestion } from '../world/world-question';
import { templatesForSplit } from '../world/templates-for-split';
import { MULTIHOP_TEMPLATES } from './multihop-templates';

/** Draws that may fail (ties, repeats) before a split is declared too small for its question count. */
const MAX_ATTEMPTS_PER_QUESTION = 200;

/**
 * `count` distinct multi-hop questions over one split's entities. Train uses only the
 * templates that are not held out; dev and test draw from all of them.
 */
export function generateMultihopQuestions(split: Split, pool: EntityPool, count: number, random: SeededRandom): WorldQuestion[] {
  const templates = templatesForSplit(MULTIHOP_TEMPLATES, split);
  const seen = new Set<string>();
  const questions: WorldQuestion[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_ATTEMPTS_PER_QUESTION) {
        throw new Error(`${split}: could not draw ${count} distinct multihop questions (stuck at ${i}); add entities to the split`);
      }
      const template = random.pick(templates);
      const draft = template.build(pool, random);
      if (!draft || seen.has(draft.question)) continue;
      seen.add(draft.question);
      questions.push({
        id: `${split}-multihop-${String(i).padStart(5, '0')}`,
        family: 'multihop',
        split,
        template: template.id,
        question: draft.question,
        answer: draft.answer,
        supportingTitles: draft.hops.map((h) => h.title),
        plan: [
          ...draft.hops.map((h) => ({ kind: 'search' as const, reasoning: h.reasoning, query: h.query })),
          { kind: 'answer', reasoning: draft.answerReasoning, answer: draft.answer },
        ],
        hops: draft.hops,
        calculations: [],
        distractors: draft.distractors,
      });
      break;
    }
  }
  return questions;
}
