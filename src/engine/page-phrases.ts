import { lexicon, type WordRule } from './lexicon';
import { ORIGINS } from './origins';
import type { Marker } from './signature';
import { SIGNATURES } from './signatures';
import { buildPhraseIndex, findPhrases, type PhraseIndex } from './text-search';

let index: PhraseIndex | null = null;
/** The lexicon the index was built with: a lexicon loaded later means a new index. */
let indexedWords: readonly WordRule[] | null = null;

function bodyPhrases(markers: readonly Marker[]): string[] {
  return markers.flatMap((m) => ('body' in m && !m.whole ? [m.body] : []));
}

/** Every phrase the engine looks for in a page's text, indexed once on first use. */
function phraseIndex(): PhraseIndex {
  if (indexedWords !== lexicon()) index = null;
  indexedWords = lexicon();
  index ??= buildPhraseIndex([
    ...SIGNATURES.flatMap((s) => bodyPhrases([...s.acted, ...(s.requireAll ?? []), ...(s.requireAny ?? []), ...(s.presence ?? []), ...(s.unless ?? [])])),
    ...ORIGINS.flatMap((o) => bodyPhrases(o.markers)),
    ...lexicon().flatMap((rule) => rule.phrases),
  ]);
  return index;
}

/**
 * What a page says, found in one pass: `has(phrase)` for any known phrase, and a plain search
 * for any other (a signature list passed in by a test).
 */
export function pagePhrases(text: string): (phrase: string) => boolean {
  const idx = phraseIndex();
  const found = findPhrases(idx, text);
  return (phrase) => {
    const id = idx.ids.get(phrase);
    return id === undefined ? text.includes(phrase) : found.has(id);
  };
}
