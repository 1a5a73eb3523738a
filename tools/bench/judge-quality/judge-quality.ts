/**
 * Judge quality where the truth is known (issue 5). Run from the repo root:
 *
 *   npm run bench:judge            (or node --conditions=@swirl/source -r @swc-node/register tools/bench/judge-quality/judge-quality.ts)
 *
 * Options: --world-seed N (default 1), --teacher-seeds N (trajectories per question, default 3).
 * Prints:
 *  1. the rules judge's precision and recall on BAD steps of scripted-teacher trajectories in the
 *     synthetic world (the injected mistakes are labelled), at the default mistake rates, per split
 *     and per mistake kind;
 *  2. the rules judge on real data in the paper's format: the share of GOOD verdicts on GSM8K's
 *     worked solutions, and precision/recall on HotPotQA questions with injected mistakes;
 *  3. the outcome graders' precision and recall on GSM8K test answers with format variants (YES)
 *     and off-by-one / wrong-unit variants (NO), and on HotPotQA dev answers with paraphrases.
 * The data dir is $SWIRL_DATA_DIR or <repo root>/../shared/data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '@swirl/search';
import { DEFAULT_MISTAKES, type Split } from '@swirl/world';
import { gsm8kGoldAcceptance } from './gsm8k-gold-acceptance';
import { hotpotRulesQuality } from './hotpot-rules-quality';
import { gsm8kGraderQuality, hotpotGraderQuality } from './outcome-grader-quality';
import { describe, fixed } from './precision-recall';
import { worldRulesQuality } from './world-rules-quality';

const out = (line = '') => process.stdout.write(`${line}\n`);

function main(): void {
  const { values } = parseArgs({ options: { 'world-seed': { type: 'string', default: '1' }, 'teacher-seeds': { type: 'string', default: '3' } } });
  const worldSeed = Number(values['world-seed']);
  const teacherSeeds = Array.from({ length: Number(values['teacher-seeds']) }, (_, i) => i);
  const dataDir = resolveDataDir();

  out(`# Rules judge on scripted-teacher trajectories (world seed ${worldSeed}, teacher seeds ${teacherSeeds.join(',')}, default mistake rates)`);
  const splits: Split[] = ['train', 'dev', 'test'];
  const all = worldRulesQuality({ worldSeed, splits, teacherSeeds, mistakes: DEFAULT_MISTAKES });
  for (const split of splits) {
    const q = worldRulesQuality({ worldSeed, splits: [split], teacherSeeds, mistakes: DEFAULT_MISTAKES });
    out(`${split.padEnd(6)} BAD steps: ${describe(q.overall)}`);
  }
  out(`all    BAD steps: ${describe(all.overall)}`);
  out(`throughput: ${Math.round(all.steps / all.seconds)} steps/s judged (${all.steps} steps in ${all.seconds.toFixed(1)} s, one core)`);
  out('recall by mistake kind:');
  for (const [kind, c] of [...all.byMistake].sort((a, b) => b[1].positives - a[1].positives)) out(`  ${kind.padEnd(34)} ${fixed(c.recall)}  (${c.tp}/${c.positives})`);
  out('first rule to fire (on BAD steps / on GOOD steps):');
  for (const [rule, n] of [...all.firstRule].sort((a, b) => b[1].onBad - a[1].onBad)) out(`  ${rule.padEnd(34)} ${String(n.onBad).padStart(5)} / ${n.onGood}`);

  const frequent = worldRulesQuality({ worldSeed, splits: ['dev', 'test'], teacherSeeds, mistakes: { unhelpfulQuery: 0.3, repeatedQuery: 0.3, wrongOperation: 0.3, correctionRate: 0.5, prematureAnswer: 0.2, unsupportedAnswer: 0.2, systematicRate: 0.8 } });
  out(`frequent mistakes (dev+test, rates 0.2-0.3): ${describe(frequent.overall)}`);
  out();

  const gsmTrain = 'gsm8k/train.jsonl';
  const gsmTest = 'gsm8k/test.jsonl';
  const hotpotDev = 'hotpotqa/hotpot_dev_v1_simplified.json';
  const hotpotDistractor = 'hotpotqa/hotpot_dev_distractor_v1_first500_minus_holdout.json';
  const missing = [gsmTrain, gsmTest, hotpotDev, hotpotDistractor].filter((f) => !existsSync(join(dataDir, f)));
  if (missing.length > 0) {
    out(`SKIPPED the real-data sections: ${missing.join(', ')} not found under ${dataDir} (set SWIRL_DATA_DIR)`);
    process.exitCode = 1;
    return;
  }

  out('# Rules judge on real data in the paper\'s format');
  const gsm = gsm8kGoldAcceptance(dataDir, gsmTrain);
  out(`GSM8K train worked solutions (all steps sound): ${fixed(gsm.accepted / gsm.steps)} judged GOOD (${gsm.accepted}/${gsm.steps} steps)`);
  out(`  false alarms by rule: ${[...gsm.byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
  const hotpot = hotpotRulesQuality();
  out(`HotPotQA dev (distractor, ${hotpot.byKind.get('sound answer')!.total} questions) BAD steps: ${describe(hotpot.confusion)}`);
  for (const [kind, c] of hotpot.byKind) out(`  ${kind.padEnd(24)} ${kind.startsWith('sound') ? `judged GOOD ${fixed(c.tn / c.total)}` : `caught ${fixed(c.recall)}`}  (n=${c.total})`);
  out();

  out('# Outcome graders (positive class: YES)');
  const gsmGrader = gsm8kGraderQuality(dataDir, gsmTest);
  out(`numeric on GSM8K test (format variants YES; off-by-one, "N dozen", other units NO): ${describe(gsmGrader.confusion)}`);
  for (const m of gsmGrader.misses) out(`  miss: ${m}`);
  out(`exact match on HotPotQA dev (surface paraphrases YES, other answers NO): ${describe(hotpotGraderQuality(dataDir, hotpotDev, 'exact-match'))}`);
  out(`token F1 >= 0.5 on HotPotQA dev (paraphrases and "It is X." YES, other answers NO): ${describe(hotpotGraderQuality(dataDir, hotpotDev, 'token-f1'))}`);
}

main();
