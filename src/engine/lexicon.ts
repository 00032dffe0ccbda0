import type { Category, FixId } from './types';

/**
 * The page's own words, for refusals no signature explains: a block page that says "too many
 * requests" or "acceso denegado" is better explained by that than by its bare status. Lower
 * confidence than any vendor signature; read only when no signature with evidence fired.
 *
 * The words are data (lexicon.json), loaded where page text is: the command line, the options
 * page and the tests through `./words`, the worker by fetching the file when a page's text first
 * needs judging (background/words.ts). That keeps ~3 KB gz of phrases in many languages out of
 * the worker's script, which only reads statuses and headers while the user browses.
 *
 * Each rule is a category with the phrases that say it, lower case. Matching is a plain
 * substring search (linear, no regular expressions; one pass for all, see page-phrases.ts).
 */
export interface WordRule {
  /** Cause id, worded in prose/en.json like a signature's. */
  cause: string;
  /** Why the rule is as it is, for whoever edits lexicon.json. */
  note?: string;
  category: Category;
  confidence: number;
  fixes: readonly FixId[];
  phrases: readonly string[];
}

let rules: readonly WordRule[] = [];

/** The rules in force; none until a caller that reads page text loads them. */
export function lexicon(): readonly WordRule[] {
  return rules;
}

export function useLexicon(next: readonly WordRule[]): void {
  rules = next;
}

/** Statuses the words may explain: refusals whose status alone says little. Never 2xx or 404. */
export const LEXICON_STATUSES: readonly number[] = [400, 403, 405, 406, 412, 418, 503];

export interface WordMatch {
  rule: WordRule;
  /** The phrases found, first found first (at most three). */
  phrases: string[];
}

/**
 * The rule whose phrases the page says most often (distinct phrases, at most three counted);
 * on a tie, the one listed first. A CSF page that says "blocked in this server's firewall" twice
 * and offers a CAPTCHA to unblock is a block, not a challenge. An XML body is an API's error
 * document (object stores): its words ("Access denied.") are field values, explained by the
 * store's own signatures or not at all.
 */
export function matchWords(title: string, body: string, bodyHas: (phrase: string) => boolean = (phrase) => body.includes(phrase)): WordMatch | null {
  if (body.trimStart().startsWith('<?xml')) return null;
  let best: WordMatch | null = null;
  for (const rule of rules) {
    const phrases: string[] = [];
    for (const phrase of rule.phrases) {
      if (title.includes(phrase) || bodyHas(phrase)) {
        phrases.push(phrase);
        if (phrases.length === 3) break;
      }
    }
    if (phrases.length > (best?.phrases.length ?? 0)) best = { rule, phrases };
  }
  return best;
}
