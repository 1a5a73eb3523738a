/**
 * Capitalised words that start sentences or questions rather than name anything. They are cut
 * from the front of a run, so "The Vermont Catamounts" gives "Vermont Catamounts" and "Born in
 * Shiobioma" gives "Shiobioma".
 */
const STARTERS: ReadonlySet<string> = new Set(
  (
    'the a an in on at of for from to by with as after before since during about around among ' +
    'which who whom whose what when where why how is are was were do does did has have had can could should would ' +
    'it its he she they his her their this that these those there here i we you me my our your ' +
    'born most many some each every both all no not yes and but or so if then now next first second third last finally ' +
    'let name find answer question search query result results step note also aside besides while although though'
  ).split(' '),
);

/** Lower-case words allowed inside a name: "University of Oxford", "Ludwig van Beethoven". */
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'y']);

// Clause boundaries: punctuation, separators of search hits (" | ", "->"), and a full stop that
// does not end an initial ("Roger O. Egeberg" stays one name).
const CLAUSE_BREAK = /(?<!(?:^|\s)\p{Lu})\.(?:\s|$)|[,;:!?()"“”|[\]{}]|\s[-–—]+>?\s|->/u;

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isNumber = (word: string) => /^\d[\d.,]*$/.test(word);

function clean(word: string): string {
  return word.replace(/^['‘’`]+|['‘’`.]+$/g, '').replace(/['’]s$/u, '');
}

/**
 * The names a text mentions, as maximal runs of capitalised words (with connectors and numbers
 * inside a run, "Apollo 11"), minus leading sentence starters. A heuristic that needs no
 * dictionary: it serves to tell which entities a question or search result is about.
 */
export function namePhrases(text: string): string[] {
  const found = new Set<string>();
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = clause.split(/\s+/).map(clean).filter((w) => w.length > 0);
    let run: string[] = [];
    const flush = () => {
      while (run.length > 0 && (STARTERS.has(run[0]!.toLowerCase()) || CONNECTORS.has(run[0]!))) run.shift();
      while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!)) run.pop();
      if (run.some((w) => isCapitalised(w))) found.add(run.join(' '));
      run = [];
    };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const next = words[i + 1];
      if (isCapitalised(word)) run.push(word);
      else if (run.length > 0 && CONNECTORS.has(word) && next !== undefined && isCapitalised(next)) run.push(word);
      else if (run.length > 0 && isNumber(word)) run.push(word);
      else flush();
    }
    flush();
  }
  return [...found];
}
