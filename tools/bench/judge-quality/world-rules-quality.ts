import { judgeStepByRules } from '@swirl/judging';
import { createWorldTools, generateWorld, renderConversation, teacherTrajectory, type MistakeOptions, type Split } from '@swirl/world';
import { Confusion } from './precision-recall';

export interface WorldQualityOptions {
  readonly worldSeed: number;
  readonly splits: readonly Split[];
  readonly teacherSeeds: readonly number[];
  readonly mistakes: MistakeOptions;
}

export interface WorldQuality {
  readonly overall: Confusion;
  /** Recall per mistake kind ("unhelpful-query", "wrong-operation (systematic)", ...). */
  readonly byMistake: Map<string, Confusion>;
  /** How often each rule was the first to fire on a GOOD step (false alarms) and on a BAD one. */
  readonly firstRule: Map<string, { onBad: number; onGood: number }>;
  readonly steps: number;
  readonly seconds: number;
}

/**
 * The rules judge on scripted-teacher trajectories, whose injected mistakes are labelled per
 * step: a BAD verdict on a labelled mistake is a true positive. Each step is judged from its
 * prefix alone, exactly as the service would.
 */
export function worldRulesQuality(options: WorldQualityOptions): WorldQuality {
  const world = generateWorld({ seed: options.worldSeed });
  const tools = createWorldTools(world.corpus);
  const overall = new Confusion();
  const byMistake = new Map<string, Confusion>();
  const firstRule = new Map<string, { onBad: number; onGood: number }>();
  let steps = 0;
  let seconds = 0;
  for (const split of options.splits) {
    for (const question of world.questions(split)) {
      for (const seed of options.teacherSeeds) {
        const t = teacherTrajectory(question, { tools, seed, mistakes: options.mistakes });
        t.steps.forEach((step, i) => {
          const prefix = renderConversation(question, t.steps.slice(0, i));
          const started = performance.now();
          const verdict = judgeStepByRules({ prefix, action: step.action, family: question.family });
          seconds += (performance.now() - started) / 1000;
          steps++;
          const bad = !step.label.good;
          const said = verdict.label === 'bad';
          overall.add(bad, said);
          if (bad) {
            const kind = `${step.label.mistake}${step.label.systematic ? ' (systematic)' : ''}`;
            if (!byMistake.has(kind)) byMistake.set(kind, new Confusion());
            byMistake.get(kind)!.add(true, said);
          }
          if (said) {
            const rule = verdict.failed[0]!;
            const counts = firstRule.get(rule) ?? { onBad: 0, onGood: 0 };
            if (bad) counts.onBad++;
            else counts.onGood++;
            firstRule.set(rule, counts);
          }
        });
      }
    }
  }
  return { overall, byMistake, firstRule, steps, seconds };
}

