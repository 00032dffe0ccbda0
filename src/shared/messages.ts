/**
 * Every message an extension page sends to the worker, as one discriminated union. The worker
 * validates type, sender and arguments before acting (see parseMessage).
 */
export type FixAction = 'clear-cookies' | 'clear-cache' | 'retry';

export type Request =
  /** Run a one-click fix for the site of `url` in tab `tabId`; `thenRetry` reloads and checks. */
  | { type: 'fix'; action: FixAction; tabId: number; url: string; thenRetry: boolean }
  /** Read the refused document's title and text from the tab (bounded). */
  | { type: 'read-page'; tabId: number };

export interface FixResult {
  ok: boolean;
  /** Message key of what happened, for the popup to show (see _locales). */
  message: string;
  /** Substitutions for the message. */
  detail?: string;
  /** After a retry: is the page still refused, and with which status. */
  retry?: { refused: boolean; status: number | null };
}

export interface PageText {
  title: string;
  text: string;
}

const ACTIONS: readonly FixAction[] = ['clear-cookies', 'clear-cache', 'retry'];

/** Returns a valid Request or null; never trusts shape or types. */
export function parseMessage(raw: unknown): Request | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  const tabId = m.tabId;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (m.type === 'fix') {
    if (!ACTIONS.includes(m.action as FixAction)) return null;
    if (typeof m.url !== 'string' || m.url.length > 8192) return null;
    return { type: 'fix', action: m.action as FixAction, tabId, url: m.url, thenRetry: m.thenRetry === true };
  }
  if (m.type === 'read-page') return { type: 'read-page', tabId };
  return null;
}

/** Only this extension's own pages may ask the worker to act. */
export function isOwnSender(sender: { id?: string; url?: string }, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
