import { useMemo } from 'preact/hooks';
import { confidenceWord, type Diagnosis } from '../engine/types';
import { t } from '../shared/i18n';
import { SEVERITY, severityName, type RefusalEvent, type TabLog } from '../shared/log';
import type { ScheduledRetry } from '../shared/scheduled-retry';
import { EvidenceList } from './EvidenceList';
import { planFixes } from './fix-plan';
import { Fixes } from './Fixes';
import { HeaderReading } from './HeaderReading';
import { MoreWays } from './MoreWays';
import { Recheck } from './Recheck';
import { useNow } from './use-scheduled-retry';
import { adviceOf, confidenceText, headlineOf, inFrontLine, statusText, vendorLine } from './wording';

interface Props {
  tabId: number;
  tabUrl: string;
  log: TabLog;
  event: RefusalEvent;
  diagnosis: Diagnosis;
  /** False until the engine has run: confidence and evidence are not known yet. */
  settled: boolean;
  scheduled: ScheduledRetry | null;
  pageText: string | undefined;
  readingHeaders: string | null;
}

/** The main finding: what happened in one sentence, how sure, what to do, and why we think so. */
export function Finding({ tabId, tabUrl, log, event, diagnosis, settled, scheduled, pageText, readingHeaders }: Props) {
  const pageRefused = event.severity === SEVERITY.page;
  const resourceCount = log.total - (log.events.some((e) => e.severity === SEVERITY.page) ? 1 : 0);
  const scope = pageRefused
    ? t('mainFindingPage')
    : resourceCount === 1
      ? t('mainFindingResource')
      : t('mainFindingResources', [String(resourceCount)]);
  const waitUntil = diagnosis.retryAfterSeconds ? event.time + diagnosis.retryAfterSeconds * 1000 : null;
  // The headline follows the wait as it runs out; the plan keeps the countdown row once shown.
  const now = useNow(waitUntil !== null);
  const waitLeft = waitUntil === null ? 0 : Math.max(0, (waitUntil - now) / 1000);
  const plan = useMemo(() => planFixes(diagnosis, event.type, waitLeft), [diagnosis, event]);
  const vendor = vendorLine(diagnosis);
  const inFront = settled ? inFrontLine(diagnosis) : null;
  const pageUrl = tabUrl || event.url;
  return (
    // The test hooks appear once the engine has concluded, so a test never reads the provisional finding.
    <article class="finding" data-testid={settled ? 'main-finding' : undefined} aria-labelledby="headline" aria-busy={!settled}>
      <div
        class="cause"
        data-testid={settled ? 'cause' : undefined}
        data-category={settled ? diagnosis.category : undefined}
        data-vendor={settled ? (diagnosis.vendor ?? '') : undefined}
        data-cause={settled ? diagnosis.cause : undefined}
      >
        <h1 id="headline" class={`headline severity-${severityName(event.severity)}`}>
          {headlineOf(diagnosis, waitLeft)}
        </h1>
        <p class="meta">
          {vendor && <span class="vendor">{vendor}</span>}
          {settled && <span class={`confidence ${confidenceWord(diagnosis.confidence)}`}>{confidenceText(diagnosis)}</span>}
        </p>
        <p class="advice">{adviceOf(diagnosis, waitLeft)}</p>
        {inFront && (
          <p class="in-front" data-testid="in-front">
            {inFront}
          </p>
        )}
      </div>
      <p class="target">
        <span class="scope">{scope}</span> <span class="status">{statusText(event.status, event.error)}</span>{' '}
        <span class="url" title={event.url}>
          {event.url}
        </span>
      </p>
      <Fixes
        tabId={tabId}
        pageUrl={pageUrl}
        event={event}
        diagnosis={diagnosis}
        plan={plan}
        waitUntil={waitUntil}
        scheduled={scheduled}
        pageText={pageText}
      />
      <MoreWays tabId={tabId} pageUrl={pageUrl} checkAddress={pageRefused} />
      {settled && <EvidenceList evidence={diagnosis.evidence} subresource={event.type !== 'main_frame' && !event.noHeaders} />}
      {/* One request read in full first; reloading the page with every header read second (README). */}
      <Recheck tabId={tabId} event={event} />
      <HeaderReading tabId={tabId} event={event} reading={readingHeaders} />
      {diagnosis.reference && (
        <section class="reference" aria-labelledby="ref-h">
          <h2 id="ref-h">{t('referenceHeading')}</h2>
          <p data-testid="reference">
            {diagnosis.reference.label}: <code>{diagnosis.reference.value}</code>
          </p>
        </section>
      )}
    </article>
  );
}
