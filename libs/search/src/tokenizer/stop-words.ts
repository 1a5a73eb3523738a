/**
 * English function words that carry no topical signal. Question words are included because
 * queries are often copied straight from questions ("Which film ... ?"). Single letters left
 * over from splitting contractions ("it's" -> "it", "s") are included too. Content words are
 * deliberately absent: a stop list that is too aggressive drops names ("The Who", "It").
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could d did do does doing down during each few for from further
  had has have having he her here hers herself him himself his how i if in into is it its itself
  just ll m me more most my myself no nor not of off on once only or other our ours ourselves out
  over own re s same she should so some such t than that the their theirs them themselves then
  there these they this those through to too under until up ve very was we were what when where
  which while who whom whose why will with would you your yours yourself yourselves`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
