/**
 * Many fixed phrases found in one pass over a page (Aho–Corasick): every body marker of every
 * signature, every lexicon phrase and every origin footer is looked for at once, so the cost of
 * a refused page grows with its length, not with the number of phrases the engine knows.
 * Linear in the text; no regular expressions.
 */
export interface PhraseIndex {
  /** Phrase -> its number, for the lookups after a scan. */
  ids: Map<string, number>;
  /** Per state: character code -> next state. */
  next: Map<number, number>[];
  /** Per state: the state of its longest proper suffix in the trie. */
  fail: number[];
  /** Per state: the phrases that end here, its suffixes' included. */
  ends: number[][];
}

export function buildPhraseIndex(phrases: Iterable<string>): PhraseIndex {
  const index: PhraseIndex = { ids: new Map(), next: [new Map()], fail: [0], ends: [[]] };
  for (const phrase of phrases) {
    if (!phrase || index.ids.has(phrase)) continue;
    const id = index.ids.size;
    index.ids.set(phrase, id);
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      let to = index.next[state]?.get(code);
      if (to === undefined) {
        to = index.next.length;
        index.next.push(new Map());
        index.fail.push(0);
        index.ends.push([]);
        index.next[state]?.set(code, to);
      }
      state = to;
    }
    index.ends[state]?.push(id);
  }
  // Breadth first, so a state's suffix link is known before its children need it.
  const queue: number[] = [...(index.next[0]?.values() ?? [])];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    for (const [code, child] of index.next[state] ?? []) {
      queue.push(child);
      let f = index.fail[state] ?? 0;
      while (f !== 0 && !index.next[f]?.has(code)) f = index.fail[f] ?? 0;
      const to = index.next[f]?.get(code);
      const link = to !== undefined && to !== child ? to : 0;
      index.fail[child] = link;
      const inherited = index.ends[link] ?? [];
      if (inherited.length) index.ends[child] = [...(index.ends[child] ?? []), ...inherited];
    }
  }
  return index;
}

/** The numbers of the phrases that occur in `text`. */
export function findPhrases(index: PhraseIndex, text: string): Set<number> {
  const found = new Set<number>();
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let to = index.next[state]?.get(code);
    while (to === undefined && state !== 0) {
      state = index.fail[state] ?? 0;
      to = index.next[state]?.get(code);
    }
    state = to ?? 0;
    const ends = index.ends[state];
    if (ends && ends.length) for (const id of ends) found.add(id);
  }
  return found;
}
