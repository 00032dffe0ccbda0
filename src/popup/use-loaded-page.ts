import { useLayoutEffect, useState } from 'preact/hooks';
import type { Diagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import { emptyLog, SEVERITY, type RefusalEvent, type TabLog } from '../shared/log';
import { observationOf } from '../shared/observation';
import { readPage } from '../shared/page-reader';
import { judgeOne } from './engine-client';
import { readPageStatus } from './page-status';

/** A page that loaded but is a block or challenge page, as one finding the popup can show. */
export interface LoadedPageFinding {
  event: RefusalEvent;
  log: TabLog;
  diagnosis: Diagnosis;
  pageText: string | undefined;
}

/** null while the page is read; then the finding, or 'clean'. */
export type LoadedPageState = LoadedPageFinding | 'clean' | null;

/** A page that never finishes loading must not keep the popup waiting: it is then taken as clean. */
const READ_TIMEOUT_MS = 2500;

/**
 * For a tab with no recorded refusal: reads the page's title, the start of its text and its status
 * (on demand, when the popup opens; never while browsing) and judges the document as it is. F5's
 * block page comes with 200, Imperva's with 503: the engine knows them by their text.
 */
export function useLoadedPage(tabId: number | null, tabUrl: string, active: boolean): LoadedPageState {
  const [state, setState] = useState<{ key: string; value: LoadedPageState } | null>(null);
  const key = `${tabId}:${tabUrl}`;
  const readable = active && tabId !== null && /^https?:/i.test(tabUrl);
  useLayoutEffect(() => {
    if (!readable || tabId === null) return;
    let live = true;
    void withTimeout(judgePage(tabId, tabUrl), READ_TIMEOUT_MS).then(
      (value) => live && setState({ key, value: value ?? 'clean' }),
      () => live && setState({ key, value: 'clean' }),
    );
    return () => {
      live = false;
    };
  }, [key, readable]);
  if (!active) return null;
  if (!readable) return 'clean';
  return state?.key === key ? state.value : null;
}

async function judgePage(tabId: number, url: string): Promise<LoadedPageFinding | null> {
  const [extras, status, ignored] = await Promise.all([readPage(tabId, url), readPageStatus(tabId), ignoredStatuses()]);
  // A status the user chose not to count stays uncounted here too.
  if ((!extras.pageText && !extras.pageTitle) || ignored.includes(status)) return null;
  const time = Date.now();
  const base: Omit<RefusalEvent, 'cause' | 'category' | 'vendor'> = { seq: 0, time, url, method: 'GET', type: 'main_frame', status, frameId: 0, headers: {}, severity: SEVERITY.page };
  const diagnosis = await judgeOne(observationOf({ ...base, cause: 'unknown', category: 'unknown', vendor: null }, extras));
  if (!diagnosis) return null;
  const event: RefusalEvent = { ...base, cause: diagnosis.cause, category: diagnosis.category, vendor: diagnosis.vendor };
  const log: TabLog = { ...emptyLog(tabId, url), events: [event], total: 1, worst: SEVERITY.page, nextSeq: 1 };
  return { event, log, diagnosis, pageText: extras.pageText };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

/**
 * The statuses unticked in the settings, read as shared/settings.ts stores them (sync, else local)
 * without importing it: it carries the engine's status table, which the popup's budget has no room for.
 */
async function ignoredStatuses(): Promise<number[]> {
  const read = async (area: { get(key: string): Promise<Record<string, unknown>> }): Promise<number[]> => {
    const stored = (await area.get('settings')).settings as { ignoredStatuses?: unknown } | undefined;
    return Array.isArray(stored?.ignoredStatuses) ? stored.ignoredStatuses.filter((s): s is number => typeof s === 'number') : [];
  };
  try {
    return await read(browser.storage.sync);
  } catch {
    return read(browser.storage.local).catch(() => []);
  }
}
