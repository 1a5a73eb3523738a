import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatObservation } from '@swirl/actions';
import { calculate } from '@swirl/calculator';
import { judgeStepByRules, type ChatTurn } from '@swirl/judging';

const SYSTEM = 'Solve the math word problem step by step. Calculate with <math_exp>EXPRESSION</math_exp>; results come back as "EXPRESSION -> RESULT". Give the final answer as <answer>NUMBER</answer>.';

/**
 * GSM8K's worked solutions as trajectories in the paper's format: every `<<expr=result>>`
 * annotation becomes a calculator call (the solution text before it is the reasoning), then the
 * `#### N` line the answer. These are sound solutions, so every step should be GOOD: the share
 * the rules judge accepts measures its false alarms on real math outside the synthetic world.
 */
export function gsm8kGoldAcceptance(dataDir: string, file: string): { steps: number; accepted: number; byRule: Map<string, number> } {
  const rows = readFileSync(join(dataDir, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { question: string; answer: string });
  let steps = 0;
  let accepted = 0;
  const byRule = new Map<string, number>();
  for (const row of rows) {
    const prefix: ChatTurn[] = [{ role: 'system', content: SYSTEM }, { role: 'user', content: `Question: ${row.question}` }];
    let carried = '';
    for (const line of row.answer.split('\n')) {
      const actions: string[] = [];
      if (line.startsWith('####')) {
        const n = line.slice(4).trim().replace(/,/g, '');
        actions.push(`${carried} The answer is ${n}. <answer>${n}</answer>`.trim());
      } else {
        let at = 0;
        for (const m of line.matchAll(/<<([^=<>]+)=([^<>]*)>>/g)) {
          const reasoning = (carried + ' ' + line.slice(at, m.index).replace(/[\d.+\-*/()x\s=$]+$/, '')).trim();
          carried = '';
          at = m.index! + m[0].length;
          actions.push(`${reasoning} <math_exp>${m[1]}</math_exp>`.trim());
        }
        if (at === 0) carried += ` ${line}`;
      }
      for (const action of actions) {
        const verdict = judgeStepByRules({ prefix, action, family: 'math' });
        steps++;
        if (verdict.label === 'good') accepted++;
        else byRule.set(verdict.failed[0]!, (byRule.get(verdict.failed[0]!) ?? 0) + 1);
        prefix.push({ role: 'assistant', content: action });
        const expression = /<math_exp>(.*)<\/math_exp>/.exec(action)?.[1];
        if (expression !== undefined) {
          const result = calculate(expression);
          prefix.push({ role: 'user', content: formatObservation(expression, result.ok ? result.text : `error: ${result.error.message}`) });
        }
      }
    }
  }
  return { steps, accepted, byRule };
}
