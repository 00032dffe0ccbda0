import { ONE_CLICK, type FixAction } from '../engine/fixes';
import { CATEGORIES, type Category, type CoreDiagnosis, type Observation } from '../engine/types';
import type { MessageKey } from './i18n';

/**
 * Every message an extension page sends to the worker, as one discriminated union. The worker
 * validates type, sender and arguments before acting (see parseMessage).
 */
export type WorkerRequest =
  /** Run a one-click fix for the site of `url` in tab `tabId`; `thenRetry` reloads and checks. */
  | { type: 'fix'; action: FixAction; tabId: number; url: string; thenRetry: boolean }
  /**
   * Reload tab `tabId` at `at` (ms since the epoch) with an alarm, so the retry happens even if the
   * popup closes and the worker sleeps; the outcome is written to `retryKey(tabId)` in
   * storage.session (see scheduled-retry.ts). Replaces any retry already scheduled for the tab.
   */
  | { type: 'schedule-retry'; tabId: number; url: string; at: number }
  /** Forget the retry scheduled for tab `tabId`, if any. */
  | { type: 'cancel-retry'; tabId: number }
  /**
   * Read the response headers of every request in tab `tabId` while it stays on its site, and
   * reload it so its refusals are seen again with them (`on`); or stop reading them.
   */
  | { type: 'read-headers'; tabId: number; on: boolean }
  /**
   * Run the worker's engine on these observations and answer one CoreDiagnosis each, in order:
   * the popup carries no matching data of its own (it would not fit its size budget).
   */
  | { type: 'diagnose'; observations: Observation[] }
  /**
   * Judge one observation as the listener would, then explain it: a CoreDiagnosis, or null for a
   * response that is fine. For a page that loaded (200) but may be a block page (F5's, in its text).
   */
  | { type: 'judge'; observation: Observation }
  /**
   * What the popup concluded about request `requestId` of tab `tabId` (with the page's text, or a
   * re-check): the worker writes it to the tab's log and the history, so every view says the same.
   */
  | { type: 'refine'; tabId: number; requestId: string; refinement: Refinement }
  /**
   * "Check this request": ask the address of request `requestId` of tab `tabId` once more (GET or
   * HEAD only; the worker takes address and method from its own log) and judge the answer.
   */
  | { type: 'recheck'; tabId: number; requestId: string };

/** What a refinement may change in a recorded refusal. */
export interface Refinement {
  cause: string;
  category: Category;
  vendor: string | null;
  /** "Cloudflare Ray ID: 8f3c…", when one was found. */
  reference?: string;
}

export interface FixResult {
  ok: boolean;
  /** What happened, for the popup to show: a key of _locales/en/messages.json, checked by tsc. */
  message: MessageKey;
  /** Substitutions for the message. */
  detail?: string;
  /** After a retry: is the page still refused, and with which status. */
  retry?: { refused: boolean; status: number | null };
}

/** The worker's answer to a 'recheck'. */
export type RecheckReply =
  | {
      ok: true;
      /** When the answer came. */
      time: number;
      status: number;
      /** null: the answer is not a refusal any more. */
      core: CoreDiagnosis | null;
    }
  | { ok: false; message: MessageKey; detail?: string };

/** The methods "Check this request" may repeat: asking again must change nothing on the site. */
export const RECHECK_METHODS: readonly string[] = ['GET', 'HEAD'];

const MAX_URL_LENGTH = 8192;
/** Well above a tab's log (MAX_EVENTS in log.ts): the developer section diagnoses it in one message. */
const MAX_DIAGNOSE = 100;
/** A retry is never scheduled further ahead than this (Retry-After is clamped to a day too). */
export const MAX_RETRY_DELAY_MS = 24 * 60 * 60 * 1000 + 60_000;

/** Returns a valid WorkerRequest or null; never trusts shape or types. */
export function parseMessage(raw: unknown, now: number = Date.now()): WorkerRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.type === 'diagnose') {
    const observations = m.observations;
    // The engine sanitizes every field of every observation; only the list itself is checked here.
    if (!Array.isArray(observations) || observations.length > MAX_DIAGNOSE) return null;
    return { type: 'diagnose', observations: observations as Observation[] };
  }
  if (m.type === 'judge') {
    // As for diagnose: the engine sanitizes every field.
    if (typeof m.observation !== 'object' || m.observation === null || Array.isArray(m.observation)) return null;
    return { type: 'judge', observation: m.observation as Observation };
  }
  const tabId = m.tabId;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (m.type === 'fix') {
    if (!ONE_CLICK.includes(m.action as FixAction)) return null;
    if (!isUrl(m.url)) return null;
    return { type: 'fix', action: m.action as FixAction, tabId, url: m.url, thenRetry: m.thenRetry === true };
  }
  if (m.type === 'schedule-retry') {
    if (!isUrl(m.url) || !/^https?:/i.test(m.url)) return null;
    const at = m.at;
    if (typeof at !== 'number' || !Number.isFinite(at) || at <= 0 || at > now + MAX_RETRY_DELAY_MS) return null;
    return { type: 'schedule-retry', tabId, url: m.url, at: Math.round(at) };
  }
  if (m.type === 'cancel-retry') return { type: 'cancel-retry', tabId };
  if (m.type === 'read-headers' && typeof m.on === 'boolean') return { type: 'read-headers', tabId, on: m.on };
  if (m.type === 'recheck') {
    if (typeof m.requestId !== 'string' || m.requestId.length === 0 || m.requestId.length > 64) return null;
    return { type: 'recheck', tabId, requestId: m.requestId };
  }
  if (m.type === 'refine') {
    const refinement = parseRefinement(m.refinement);
    if (!refinement || typeof m.requestId !== 'string' || m.requestId.length > 64) return null;
    return { type: 'refine', tabId, requestId: m.requestId, refinement };
  }
  return null;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A refinement's shape and bounds: ids as the engine writes them, a known category, a short reference. */
export function parseRefinement(raw: unknown): Refinement | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.cause !== 'string' || !ID.test(r.cause)) return null;
  if (!CATEGORIES.includes(r.category as Category)) return null;
  if (r.vendor !== null && (typeof r.vendor !== 'string' || !ID.test(r.vendor))) return null;
  const refinement: Refinement = { cause: r.cause, category: r.category as Category, vendor: r.vendor };
  if (typeof r.reference === 'string' && r.reference) refinement.reference = r.reference.slice(0, 200);
  return refinement;
}

function isUrl(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_URL_LENGTH;
}

/** Only this extension's own pages may ask the worker to act. */
export function isOwnSender(sender: { id?: string; url?: string }, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
