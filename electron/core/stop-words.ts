/**
 * English function words: pronouns, articles, auxiliaries, prepositions,
 * conjunctions and the commonest adverbs of degree. They say nothing about
 * what a passage is about: compare mode leaves them out of its terms, and
 * search leaves them out of a query that has other words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each either else even ever every few for from further had has have having he her here
  hers herself him himself his how however i if in into is it its itself just least less let like many may me might more most
  much must my myself neither no nor not now of off on once one only or other others otherwise our ours ourselves out over own
  per quite rather same shall she should since so some still such than that the their theirs them themselves then there these
  they this those though through thus to too under until up upon us very was we were what whatever when where whether which
  while who whom whose why will with within without would yet you your yours yourself yourselves s t d ll m re ve`.split(/\s+/),
);
