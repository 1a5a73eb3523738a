import { namePhrases } from '../text/name-phrases';

const WH_START = /^(what|which|who|whom|whose|when|where|why|how|in what|in which|on what|at what|for what|from what|of what|to what|by what|during what|name)\b/i;

/**
 * True for a question answered by yes or no: a question that is not a wh-question ("Were Scott
 * Derrickson and Ed Wood of the same nationality?", "Both Sorbaria and Goldenrod are ...?").
 */
export function isYesNoQuestion(question: string): boolean {
  const text = question.trim();
  return !WH_START.test(text) && !/\b(what|which|who|whom|whose|when|where|how many|how much)\b/i.test(text) && !/\sor\s/i.test(text);
}

/** The name a side of "X or Y" gives: the name nearest to "or" (or the side itself if it names none). */
function sideName(side: string, nearEnd: boolean): string {
  const names = namePhrases(side);
  const name = nearEnd ? names[names.length - 1] : names[0];
  return (name ?? side).trim().replace(/^(either|the)\s+/i, '');
}

/**
 * The alternatives a question offers: "Which city has more people, Kapiodail or Draithio?"
 * gives [Kapiodail, Draithio], "Is the Marsilea or the Brabejum the genus of ...?" gives
 * [Marsilea, Brabejum]; a yes/no question about two or more named things gives those names.
 * Empty when the question offers none.
 */
export function choiceOptions(question: string): string[] {
  const text = question.trim().replace(/[?.!]+$/, '');
  const tail = text.slice(Math.max(text.lastIndexOf(','), text.lastIndexOf(':')) + 1);
  const sides = tail.split(/\s+or\s+/i);
  if (sides.length === 2) {
    const options = [sideName(sides[0]!, true), sideName(sides[1]!, false)].filter((o) => o.length > 0);
    if (options.length === 2) return options;
  }
  if (isYesNoQuestion(question)) {
    const names = namePhrases(text);
    if (names.length >= 2) return names;
  }
  return [];
}
