import type { SeededRandom } from '../random/seeded-random';
import type { WorldTools } from '../tools/world-tools';
import type { WorldQuestion } from '../world/world-question';
import type { MistakeConfig } from './mistake-options';
import { STEP_CAPS, StepRecorder } from './step-recorder';
import { systematicMistakeFor } from './systematic-mistakes';

const GOOD = { good: true } as const;
const ATTRIBUTE_WORDS = ['population', 'founded', 'born', 'height', 'capital', 'headquarters'];

/** A query about some article that does not support the question. */
function unrelatedQuery(question: WorldQuestion, tools: WorldTools, random: SeededRandom): { reasoning: string; query: string } {
  let title = random.pick(tools.titles);
  while (question.supportingTitles.includes(title)) title = random.pick(tools.titles);
  return { reasoning: `Let me look up ${title}.`, query: `${title} ${random.pick(ATTRIBUTE_WORDS)}` };
}

/** Plays one multi-hop question: the plan's searches, with labelled mistakes drawn from `random`. */
export function solveMultihop(question: WorldQuestion, tools: WorldTools, mistakes: MistakeConfig, random: SeededRandom): StepRecorder {
  const recorder = new StepRecorder(tools, STEP_CAPS.multihop);
  const hops = question.hops;
  const systematic = systematicMistakeFor(question);
  let prematureAt = random.chance(mistakes.prematureAnswer) ? random.int(0, hops.length - 1) : -1;
  let prematureIsSystematic = false;
  if (systematic?.kind === 'premature-answer' && random.chance(mistakes.systematicRate)) {
    prematureAt = systematic.afterSearches;
    prematureIsSystematic = true;
  }

  const queries: string[] = [];
  for (let i = 0; i < hops.length; i++) {
    if (i === prematureAt) {
      // A guess among the candidates: right only by luck, and not supported by what was read.
      const guess = prematureIsSystematic ? hops[0].title : random.pick([question.answer, ...question.distractors]);
      recorder.answer(`It is probably ${guess}.`, guess, { good: false, mistake: 'premature-answer', ...(prematureIsSystematic ? { systematic: true } : {}) });
      return recorder;
    }
    const remaining = hops.length - i;
    if (recorder.spare(remaining) >= 1 && random.chance(mistakes.unhelpfulQuery)) {
      const { reasoning, query } = unrelatedQuery(question, tools, random);
      recorder.search(reasoning, query, { good: false, mistake: 'unhelpful-query' });
      queries.push(query);
    }
    if (queries.length > 0 && recorder.spare(remaining) >= 1 && random.chance(mistakes.repeatedQuery)) {
      const last = queries[queries.length - 1];
      recorder.search(`Let me search for ${last} again.`, last, { good: false, mistake: 'repeated-query' });
    }
    recorder.search(hops[i].reasoning, hops[i].query, GOOD);
    queries.push(hops[i].query);
  }

  const answerStep = question.plan[question.plan.length - 1];
  if (random.chance(mistakes.unsupportedAnswer) && question.distractors.length > 0) {
    const wrong = random.pick(question.distractors);
    recorder.answer(`From the results, the answer is ${wrong}.`, wrong, { good: false, mistake: 'unsupported-answer' });
  } else {
    recorder.answer(answerStep.reasoning, question.answer, GOOD);
  }
  return recorder;
}
