import LEXICON from './lexicon.json';
import { useLexicon, type WordRule } from './lexicon';
// The vendors' names for the engine's sentences come with the words, for the same callers.
import './vendor-label';

/**
 * Loads the page-text lexicon for callers that bundle it (command line, options page, tests):
 * imported for this effect by diagnose.ts, judge.ts and index.ts. The worker fetches the same
 * file instead (background/words.ts).
 */
useLexicon(LEXICON as WordRule[]);
