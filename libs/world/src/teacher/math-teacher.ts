import type { SeededRandom } from '../random/seeded-random';
import { expressionOf } from '../math/calculation-builder';
import type { WorldTools } from '../tools/world-tools';
import type { WorldQuestion } from '../world/world-question';
import type { MistakeConfig } from './mistake-options';
import { STEP_CAPS, StepRecorder } from './step-recorder';
import { systematicMistakeFor } from './systematic-mistakes';
import { wrongExpression } from './wrong-operation';

const GOOD = { good: true } as const;

/**
 * Plays one math question. Later steps use the results the calculator actually printed, so an
 * uncorrected wrong operation carries into a wrong final answer, while the later steps and the
 * answer still follow soundly from what was observed (and are labelled good).
 */
export function solveMath(question: WorldQuestion, tools: WorldTools, mistakes: MistakeConfig, random: SeededRandom): StepRecorder {
  const recorder = new StepRecorder(tools, STEP_CAPS.math);
  const steps = question.calculations;
  const systematic = systematicMistakeFor(question);
  const systematicStep = systematic?.kind === 'wrong-operation' && random.chance(mistakes.systematicRate) ? systematic : undefined;
  const prematureAt = random.chance(mistakes.prematureAnswer) ? random.int(0, steps.length - 1) : -1;

  const results: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (i === prematureAt) {
      const guess = random.pick([...results, ...question.distractors].filter((x) => x.length > 0));
      recorder.answer(`It is probably about ${guess}.`, guess, { good: false, mistake: 'premature-answer' });
      return recorder;
    }
    const isSystematic = systematicStep?.step === i;
    if (isSystematic || random.chance(mistakes.wrongOperation)) {
      const wrong = wrongExpression(step, results, random, isSystematic ? systematicStep.operator : undefined);
      const label = { good: false, mistake: 'wrong-operation', ...(isSystematic ? { systematic: true } : {}) } as const;
      const wrongResult = recorder.calculate(step.reasoning, wrong, label);
      const remaining = steps.length - i - 1;
      // A systematic mistake is one the teacher believes in, so it is never corrected.
      if (!isSystematic && recorder.spare(remaining) >= 1 && random.chance(mistakes.correctionRate)) {
        results.push(recorder.calculate(`That does not look right; let me redo it. ${step.reasoning}`, expressionOf(step, results), GOOD) ?? step.result);
      } else {
        results.push(wrongResult ?? '0');
      }
      continue;
    }
    results.push(recorder.calculate(step.reasoning, expressionOf(step, results), GOOD) ?? step.result);
  }

  const final = results[results.length - 1];
  if (random.chance(mistakes.unsupportedAnswer)) {
    const wrong = random.pick(question.distractors.filter((d) => d !== final).concat(String(Number(final) + 1)));
    recorder.answer(`The answer is ${wrong}.`, wrong, { good: false, mistake: 'unsupported-answer' });
  } else {
    recorder.answer(`The answer is ${final}.`, final, GOOD);
  }
  return recorder;
}
