import { browser, type Runtime } from '../shared/browser';
import { isOwnSender, parseMessage, type FixResult } from '../shared/messages';
import { runFix } from './fixes';

const ORIGIN = new URL(browser.runtime.getURL('')).origin;

/** One handler for every message; anything not from this extension's pages or not well formed is ignored. */
export function onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<FixResult> | undefined {
  if (!isOwnSender(sender, browser.runtime.id, ORIGIN)) return undefined;
  const message = parseMessage(raw);
  if (!message) return undefined;
  if (message.type === 'fix') return runFix(message.action, message.tabId, message.url, message.thenRetry);
  return undefined;
}
