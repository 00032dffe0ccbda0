import { diagnoseCore } from '../engine/core';
import { judgeCore } from '../engine/judge-core';
import type { CoreDiagnosis } from '../engine/types';
import { browser, type Runtime } from '../shared/browser';
import { isOwnSender, parseMessage, type FixResult, type RecheckReply } from '../shared/messages';
import type { ScheduledRetry } from '../shared/scheduled-retry';
import { carryOutFix, readHeadersAndReload } from './fixes';
import { applyRefinement } from './page-refine';
import { recheckRequest } from './recheck';
import { cancelRetry, scheduleRetry } from './scheduled-retries';
import { wordsReady } from './words';

/** "chrome-extension://<id>/": a prefix, not URL.origin, which is "null" for that scheme outside browsers (Node, tests). */
const OWN_PAGES = browser.runtime.getURL('');

type Reply = FixResult | ScheduledRetry | CoreDiagnosis[] | CoreDiagnosis | RecheckReply | null;

/** One handler for every message; anything not from this extension's pages or not well formed is ignored. */
export function onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined {
  if (!isOwnSender(sender, browser.runtime.id, OWN_PAGES)) return undefined;
  const message = parseMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'fix':
      return carryOutFix(message.action, message.tabId, message.url, message.thenRetry);
    case 'schedule-retry':
      return scheduleRetry(message.tabId, message.url, message.at).catch(() => null);
    case 'diagnose':
      return wordsReady().then(() => message.observations.map((obs) => diagnoseCore(obs)));
    case 'judge':
      return wordsReady().then(() => judgeCore(message.observation));
    case 'recheck':
      return recheckRequest(message.tabId, message.requestId);
    case 'refine':
      applyRefinement(message.tabId, message.requestId, message.refinement);
      return Promise.resolve(null);
    case 'read-headers':
      return readHeadersAndReload(message.tabId, message.on);
    case 'cancel-retry':
      return cancelRetry(message.tabId).then(
        () => null,
        () => null,
      );
  }
}
