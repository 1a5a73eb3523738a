import { describeWithData, GSM8K_TEST, HOTPOT_DEV, readDataJson, readDataJsonl } from '../testing/shared-data.test-support';
import { gradeOutcome } from './grade-outcome';

/**
 * The graders on real gold answers: every GSM8K test answer with its format variants must be
 * YES and its off-by-one and rescaled variants NO; HotPotQA dev answers with surface variants
 * must match exactly, and another question's answer must not.
 */
describeWithData([GSM8K_TEST, HOTPOT_DEV], 'outcome graders on GSM8K and HotPotQA gold answers', () => {
  it('accepts format variants of every GSM8K test answer and rejects off-by-one and unit changes', () => {
    const rows = readDataJsonl<{ answer: string }>(GSM8K_TEST);
    expect(rows.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const row of rows) {
      const n = Number(row.answer.slice(row.answer.lastIndexOf('####') + 4).trim().replace(/,/g, ''));
      const yes = [`${n}`, `${n}.00`, `$${n}`, `${n} dollars`, `The answer is ${n}.`, `#### ${n}`, n.toLocaleString('en-US')];
      const no = [`${n + 1}`, `${n - 1}`, `${n * 100} cents`, `${n} dozen`];
      for (const v of yes) if (gradeOutcome({ predicted: v, golds: [row.answer], family: 'math' }).label !== 'yes') wrong.push(`${v} should match ${n}`);
      for (const v of no) if (gradeOutcome({ predicted: v, golds: [row.answer], family: 'math' }).label !== 'no') wrong.push(`${v} should not match ${n}`);
    }
    expect(wrong).toEqual([]);
  });

  it('matches HotPotQA answers up to case, articles and punctuation, and not other answers', () => {
    const rows = readDataJson<{ answer: string }[]>(HOTPOT_DEV).slice(0, 2000);
    let yes = 0;
    let falseYes = 0;
    rows.forEach((row, i) => {
      const variants = [row.answer.toUpperCase(), `the ${row.answer}.`, ` ${row.answer.replace(/\s+/g, '  ')} `];
      yes += variants.filter((v) => gradeOutcome({ predicted: v, golds: [row.answer] }).label === 'yes').length;
      const other = rows[(i + 7) % rows.length]!.answer;
      if (gradeOutcome({ predicted: other, golds: [row.answer] }).label === 'yes' && other.toLowerCase() !== row.answer.toLowerCase()) falseYes++;
    });
    expect(yes).toBe(rows.length * 3);
    expect(falseYes / rows.length).toBeLessThan(0.01);
  });
});
