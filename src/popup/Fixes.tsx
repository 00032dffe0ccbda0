import { useEffect, useRef, useState } from 'preact/hooks';
import { specOf, type FIXES, type FixAction } from '../engine/fixes';
import type { Diagnosis } from '../engine/types';
import { reportFor } from '../engine/report';
import { browser } from '../shared/browser';
import { keyPart, t, type KeyPart } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import { observationOf } from '../shared/observation';
import { canClearCachePerSite, websiteUrlOf } from '../shared/platform';
import type { ScheduledRetry } from '../shared/scheduled-retry';
import { copyText } from './clipboard';
import { contactOf, mailtoOf } from './contact';
import type { FixItem, FixPlan } from './fix-plan';
import { testIdOf } from './fix-plan';
import { requestFix } from './fix-run';
import { FixRow, type Outcome } from './FixRow';
import { rememberOutcome } from './last-outcome';
import { WaitRow } from './WaitRow';

interface Props {
  tabId: number;
  /** The tab's page: what retry reloads and what the site fixes act on. */
  pageUrl: string;
  event: RefusalEvent;
  diagnosis: Diagnosis;
  plan: FixPlan;
  /** When the rate limit's wait ends (ms since the epoch), or null. */
  waitUntil: number | null;
  scheduled: ScheduledRetry | null;
  pageText: string | undefined;
}

/** One-click fixes, most useful first, each with what it does and, after the click, what happened. */
export function Fixes({ tabId, pageUrl, event, diagnosis, plan, waitUntil, scheduled, pageText }: Props) {
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<FixAction | null>(null);
  const [reportShown, setReportShown] = useState(false);
  const site = websiteUrlOf(pageUrl);
  const report = reportFor(observationOf(event), diagnosis);
  const contact = contactOf(pageText);

  const finish = (key: string, outcome: Outcome): void => {
    setOutcomes((all) => ({ ...all, [key]: outcome }));
  };

  const act = async (item: FixItem, confirmed = false): Promise<void> => {
    const key = testIdOf(item);
    setConfirming(null);
    if (item.kind === 'action') {
      if (specOf(item.action).asksUnlessPerSite && !canClearCachePerSite() && !confirmed) {
        setConfirming(item.action);
        return;
      }
      setBusy(key);
      setOutcomes((all) => ({ ...all, [key]: { ok: true, text: t('working') } }));
      const outcome = await requestFix(item.action, tabId, pageUrl);
      // Kept outside this component: a reload that works switches the popup to its clean view.
      rememberOutcome(outcome);
      finish(key, outcome);
      setBusy(null);
    } else if (item.kind === 'report') {
      const copied = await copyText(report);
      setReportShown(!copied);
      finish(key, copied ? { ok: true, text: t('copied') } : { ok: false, text: t('copyFailed') });
    } else if (item.kind === 'open-directly') {
      try {
        await browser.tabs.create({ url: event.url });
        finish(key, { ok: true, text: t('openedDirectly') });
      } catch (error) {
        finish(key, { ok: false, text: t('fixErrorFailed', [String((error as Error)?.message ?? error)]) });
      }
    }
  };

  return (
    <section class="fixes" aria-labelledby="fixes-h">
      <h2 id="fixes-h">{t('fixesHeading')}</h2>
      <ul class="fix-list">
        {plan.items.map((item) => {
          const key = testIdOf(item);
          if (item.kind === 'wait') {
            return waitUntil === null ? null : (
              <WaitRow
                key={key}
                tabId={tabId}
                pageUrl={pageUrl}
                at={waitUntil}
                since={event.time}
                auto={event.type === 'main_frame'}
                scheduled={scheduled}
              />
            );
          }
          const { label, hint, disabled } = fixWordsOf(item, site, event);
          return (
            <FixRow
              key={key}
              id={key}
              testId={key}
              label={label}
              hint={hint}
              disabled={disabled}
              busy={busy !== null}
              outcome={outcomes[key] ?? null}
              onClick={() => void act(item)}
            >
              {item.kind === 'action' && confirming === item.action && (
                <Confirm action={item.action} onYes={() => void act(item, true)} onNo={() => setConfirming(null)} />
              )}
              {item.kind === 'report' && contact && (
                <a class="mail" href={mailtoOf(contact, t('reportSubject', [site?.hostname ?? '']), report)} target="_blank" rel="noopener noreferrer">
                  {t('mailReport', [contact])}
                </a>
              )}
              {item.kind === 'report' && reportShown && <textarea readOnly value={report} rows={7} aria-label={t('reportText')} />}
            </FixRow>
          );
        })}
      </ul>
      {plan.advice.length > 0 && (
        <>
          <h3>{t('manualFixes')}</h3>
          <ul class="manual">
            {plan.advice.map((fix) => (
              <li key={fix}>{t(`fix_${keyPart(fix)}`)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function fixWordsOf(item: FixItem, site: URL | null, event: RefusalEvent): { label: string; hint: string; disabled: boolean } {
  if (item.kind === 'report') return { label: t('copyReport'), hint: t('copyReportHint'), disabled: false };
  if (item.kind === 'open-directly') return { label: t('fix_open_directly'), hint: t('fix_open_directly_hint'), disabled: !websiteUrlOf(event.url) };
  if (item.kind !== 'action') return { label: '', hint: '', disabled: true };
  // Every key is derived from the fix's id, and tsc checks each one exists (src/engine/fixes.ts).
  const part = keyPart(item.action);
  const spec = specOf(item.action);
  const label = t(`fix_${part}`);
  if (!spec.needsSite) return { label, hint: t(`fix_${part}_hint`, site ? [site.hostname] : []), disabled: false };
  if (!site) return { label, hint: t('fixDisabledNotWebsite'), disabled: true };
  if (spec.asksUnlessPerSite && !canClearCachePerSite()) return { label, hint: t(`fix_${geckoPart(item.action)}_gecko_hint`), disabled: false };
  return { label, hint: t(`fix_${part}_hint`, [site.hostname]), disabled: false };
}

/** The fixes that ask before acting where the browser cannot limit them to the site. */
type AskingFix = { [K in FixAction]: (typeof FIXES)[K] extends { asksUnlessPerSite: true } ? K : never }[FixAction];
const geckoPart = (action: FixAction): KeyPart<AskingFix> => keyPart(action as AskingFix);

/** Firefox clears its whole cache or nothing: say so and ask first. */
function Confirm({ action, onYes, onNo }: { action: FixAction; onYes: () => void; onNo: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" onKeyDown={(e) => e.key === 'Escape' && onNo()}>
      <p id="confirm-text">{t(`fix_${geckoPart(action)}_gecko`)}</p>
      <button type="button" ref={yes} data-testid="confirm" onClick={onYes}>
        {t('confirm')}
      </button>{' '}
      <button type="button" onClick={onNo}>
        {t('cancel')}
      </button>
    </div>
  );
}
