import { judgeCore } from '../engine/judge-core';
import { browser } from '../shared/browser';
import { hasHostAccess } from '../shared/host-access';
import { RECHECK_METHODS, type RecheckReply } from '../shared/messages';
import { PAGE_TEXT_LIMIT } from '../shared/page-reader';
import { compactHeaders } from './headers';
import { wordsReady } from './words';
import { logOf } from './tab-log';

/**
 * "Check this request" (issue 12): a refused image, script or fetch is recorded by its status only,
 * and most vendors say who they are in the body. On the user's click, the worker asks the same
 * address once more, with the site's cookies, reads the status, headers and the first 64 KB of the
 * body (as text, never run), and judges that. Only GET and HEAD: asking again must change nothing.
 */
const TIMEOUT_MS = 15_000;

/** Requests being re-checked now: a second click while one runs does not ask again. */
const running = new Set<string>();

export async function recheckRequest(tabId: number, requestId: string): Promise<RecheckReply> {
  const event = logOf(tabId)?.events.find((e) => e.requestId === requestId);
  // The address and method come from the worker's own record, never from the message.
  if (!event) return { ok: false, message: 'recheckGone' };
  if (!RECHECK_METHODS.includes(event.method.toUpperCase())) return { ok: false, message: 'recheckMethod', detail: event.method };
  if (!/^https?:/i.test(event.url)) return { ok: false, message: 'recheckGone' };
  if (running.has(requestId)) return { ok: false, message: 'recheckBusy' };
  const privateTab = await isPrivate(tabId);
  if (privateTab === 'not-allowed') return { ok: false, message: 'recheckPrivate' };
  if (!(await hasHostAccess(event.url))) return { ok: false, message: 'recheckNoAccess', detail: hostOf(event.url) };
  running.add(requestId);
  try {
    const response = await fetch(event.url, {
      method: event.method.toUpperCase(),
      // The site's cookies, as the page sent them; a private window's cookies are not the worker's to send.
      credentials: privateTab === 'allowed' ? 'omit' : 'include',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const headers = compactHeaders([...response.headers].map(([name, value]) => ({ name, value })));
    const body = event.method.toUpperCase() === 'HEAD' ? '' : await readStart(response);
    const cookies = await cookieNames(event.url);
    const time = Date.now();
    await wordsReady();
    const core = judgeCore({
      url: event.url,
      method: event.method,
      type: event.type,
      status: response.status,
      headers,
      cookies,
      pageText: body || undefined,
      initiator: event.initiator,
      time,
    });
    return { ok: true, time, status: response.status, core };
  } catch (error) {
    return { ok: false, message: 'recheckFailed', detail: String((error as Error)?.message ?? error).slice(0, 200) };
  } finally {
    running.delete(requestId);
  }
}

/** The first PAGE_TEXT_LIMIT characters of the body, decoded leniently; the rest is not downloaded. */
async function readStart(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let text = '';
  try {
    while (text.length < PAGE_TEXT_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text.slice(0, PAGE_TEXT_LIMIT);
}

/** 'no' for an ordinary window; a private one is 'allowed' only where the user let the extension in. */
async function isPrivate(tabId: number): Promise<'no' | 'allowed' | 'not-allowed'> {
  try {
    if (!(await browser.tabs.get(tabId)).incognito) return 'no';
    return (await browser.extension.isAllowedIncognitoAccess()) ? 'allowed' : 'not-allowed';
  } catch {
    return 'not-allowed';
  }
}

async function cookieNames(url: string): Promise<string[]> {
  try {
    return (await browser.cookies.getAll({ url })).slice(0, 200).map((c) => c.name.slice(0, 64));
  } catch {
    return [];
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 64);
  }
}
