import lexiconUrl from '../engine/lexicon.json?url';
import { lexicon, useLexicon, type WordRule } from '../engine/lexicon';

let loading: Promise<void> | null = null;

/**
 * The page-text lexicon, fetched from the extension's own files the first time a page's text is
 * to be judged (the popup's finding, a refused page read after it loaded, a re-check): the
 * listener never needs it, so the worker's script does not carry it. Never rejects: without the
 * words a page is judged by its signatures, as before; a failed load is tried again next time.
 */
export function wordsReady(): Promise<void> {
  if (lexicon().length > 0) return Promise.resolve();
  loading ??= fetch(lexiconUrl)
    .then((response) => (response.ok ? (response.json() as Promise<WordRule[]>) : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((rules) => useLexicon(Array.isArray(rules) ? rules : []))
    .catch((error: unknown) => {
      loading = null;
      console.warn('Why Blocked: could not load the page-text lexicon', error);
    });
  return loading;
}
