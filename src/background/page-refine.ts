import { diagnoseCore } from '../engine/core';
import type { CoreDiagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import { withoutHash } from '../shared/address';
import { SEVERITY, type RefusalEvent } from '../shared/log';
import type { Refinement } from '../shared/messages';
import { observationOf } from '../shared/observation';
import { readPage } from '../shared/page-reader';
import { refineHistory } from './history-writer';
import { logOf, record } from './tab-log';
import { wordsReady } from './words';

/**
 * One answer everywhere (issue 12): the worker records a refused page from its headers, but most
 * block pages name their source only in their text. Once a refused page has loaded, its title and
 * the start of its text are read (bounded, as text; never for pages that loaded fine) and the
 * stored finding is refined, so the badge's tooltip and the history say what the popup says.
 */

/** Requests already refined from their page: each page is read once. Bounded, oldest out. */
const read = new Set<string>();
const MAX_READ = 512;

/** The tab finished loading `url`: if that document was refused, read it and refine its finding. */
export async function refineLoadedPage(tabId: number, url: string): Promise<void> {
  const event = pageRefusal(tabId, url);
  if (!event?.requestId || read.has(event.requestId)) return;
  remember(event.requestId);
  if (!(await mayRead(tabId))) return;
  const extras = await readPage(tabId, event.url);
  if (!extras.pageText && !extras.pageTitle) return;
  await wordsReady();
  const diagnosis = diagnoseCore(observationOf(event, extras));
  if (diagnosis.expected) return;
  applyRefinement(tabId, event.requestId, refinementOf(diagnosis));
}

/**
 * Writes a refined finding to the tab's log (so the badge follows) and to the history. Does
 * nothing for a request the tab's current log no longer holds, or when nothing changed.
 */
export function applyRefinement(tabId: number, requestId: string, refined: Refinement): boolean {
  const log = logOf(tabId);
  const event = log?.events.find((e) => e.requestId === requestId);
  if (!log || !event) return false;
  const same = event.cause === refined.cause && event.category === refined.category && event.vendor === refined.vendor;
  if (same && !refined.reference) return false;
  const { seq: _seq, ...rest } = event;
  if (!same) record(tabId, undefined, { ...rest, cause: refined.cause, category: refined.category, vendor: refined.vendor });
  const pageUrl = event.type === 'main_frame' ? event.url : log.documentUrl;
  refineHistory(event, { cause: refined.cause, category: refined.category, vendor: refined.vendor }, pageUrl, refined.reference);
  return true;
}

export function refinementOf(diagnosis: Pick<CoreDiagnosis, 'cause' | 'category' | 'vendor' | 'reference'>): Refinement {
  const refined: Refinement = { cause: diagnosis.cause, category: diagnosis.category, vendor: diagnosis.vendor };
  if (diagnosis.reference) refined.reference = `${diagnosis.reference.label}: ${diagnosis.reference.value}`;
  return refined;
}

/** The refusal of the tab's page itself, if the tab shows that page. */
function pageRefusal(tabId: number, url: string): RefusalEvent | undefined {
  const events = logOf(tabId)?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.severity === SEVERITY.page && withoutHash(e.url) === withoutHash(url)) return e;
  }
  return undefined;
}

/** A private window's page is read only where the user allowed the extension there. */
async function mayRead(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    return !tab.incognito || (await browser.extension.isAllowedIncognitoAccess());
  } catch {
    return false;
  }
}

function remember(requestId: string): void {
  read.add(requestId);
  if (read.size > MAX_READ) read.delete(read.values().next().value as string);
}

