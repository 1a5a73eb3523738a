/**
 * Function words that carry no topic. Used to compare queries, answers and questions by their
 * content words only ("the capital of France" and "capital France" ask the same thing).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the of in on at to for from by with about as into onto over under than then and or but nor not no so ' +
    'is are was were be been being am do does did has have had having will would shall should can could may might must ' +
    'it its this that these those there here what which who whom whose when where why how ' +
    'i me my we our you your he him his she her they them their let lets us ' +
    'if else also too very just only more most some any each every all both either neither such own same other ' +
    'up down out off again further once'
  ).split(' '),
);
