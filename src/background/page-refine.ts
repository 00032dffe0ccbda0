import { diagnoseCore } from '../engine/core';
import type { CoreDiagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import type { Refinement } from '../shared/messages';
import { observationOf, type PageExtras } from '../shared/observation';
import { readPage } from '../shared/page-reader';
import { refineHistory } from './history-writer';
import { logOf, pageEventOf, record } from './tab-log';
import { wordsReady } from './words';

/**
 * One answer everywhere (issue 12): the worker records a refused page from its headers, but most
 * block pages name their source only in their text. Once a refused page has loaded, its title and
 * the start of its text are read (bounded, as text; never for pages that loaded fine) and the
 * stored finding is refined, so the badge's tooltip and the history say what the popup says.
 */

/**
 * The page each tab finished loading last, with what was read of it (once, and only if it was
 * refused). webNavigation says a page has loaded; webRequest says it was refused; the two come on
 * different channels, in either order (Firefox, a busy worker), and the page's refusal can be
 * upgraded after it was refined (its headers arrive after a status read from the page): whichever
 * comes last refines the current version of the page's refusal with the page's words.
 */
interface LoadedPage {
  url: string;
  read?: Promise<PageExtras | null>;
}
const loaded = new Map<number, LoadedPage>();

/** The tab committed a new document: what was read of the last one no longer applies. */
export function forgetLoadedPage(tabId: number): void {
  loaded.delete(tabId);
}

/** The tab finished loading `url`: if that document was refused, read it and refine its finding. */
export async function refineLoadedPage(tabId: number, url: string): Promise<void> {
  // The same load told twice keeps what was read of it; a new load was preceded by its commit.
  if (loaded.get(tabId)?.url !== url) loaded.set(tabId, { url });
  await refinePage(tabId);
}

/** The refusal of a tab's page was recorded or upgraded (capture.ts): refined too if the page has loaded. */
export function onPageRecorded(tabId: number): void {
  if (loaded.has(tabId)) void refinePage(tabId);
}

async function refinePage(tabId: number): Promise<void> {
  const page = loaded.get(tabId);
  if (!page || !pageEventOf(tabId, page.url)) return;
  page.read ??= readRefusedPage(tabId, page.url);
  const extras = await page.read;
  // Read against the version of the refusal the log holds now, which may have been upgraded meanwhile.
  const event = loaded.get(tabId) === page ? pageEventOf(tabId, page.url) : undefined;
  if (!extras || !event?.requestId) return;
  await wordsReady();
  const diagnosis = diagnoseCore(observationOf(event, extras));
  if (diagnosis.expected) return;
  applyRefinement(tabId, event.requestId, refinementOf(diagnosis));
}

async function readRefusedPage(tabId: number, url: string): Promise<PageExtras | null> {
  if (!(await mayRead(tabId))) return null;
  const extras = await readPage(tabId, url);
  return extras.pageText || extras.pageTitle ? extras : null;
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


/** A private window's page is read only where the user allowed the extension there. */
async function mayRead(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    return !tab.incognito || (await browser.extension.isAllowedIncognitoAccess());
  } catch {
    return false;
  }
}
