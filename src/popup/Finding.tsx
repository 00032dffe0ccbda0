import { confidenceWord, type Diagnosis } from '../engine/types';
import { t } from '../shared/i18n';
import type { RefusalEvent, TabLog } from '../shared/log';
import { vendorName } from '../shared/vendor-names';
import { CopyReport } from './CopyReport';
import { EvidenceList } from './EvidenceList';
import { Fixes } from './Fixes';
import { headlineOf, summaryOf } from './wording';

interface Props {
  tabId: number;
  tabUrl: string;
  log: TabLog;
  event: RefusalEvent;
  diagnosis: Diagnosis;
}

/** The main finding: what happened, how sure, why we think so, and what to do. */
export function Finding({ tabId, tabUrl, log, event, diagnosis }: Props) {
  const pageRefused = event.severity === 2;
  const resourceCount = log.total - (log.events.some((e) => e.severity === 2) ? 1 : 0);
  const scope = pageRefused
    ? t('mainFindingPage')
    : resourceCount === 1
      ? t('mainFindingResource')
      : t('mainFindingResources', [String(resourceCount)]);
  return (
    <article class="finding" data-testid="main-finding">
      <p class="scope">{scope}</p>
      <h1 class={`headline sev-${event.severity}`}>{headlineOf(diagnosis)}</h1>
      <div
        class="cause"
        data-testid="cause"
        data-category={diagnosis.category}
        data-vendor={diagnosis.vendor ?? ''}
        data-cause={diagnosis.cause}
      >
        <p>{summaryOf(diagnosis)}</p>
        <p class="meta">
          <span class={`confidence ${confidenceWord(diagnosis.confidence)}`}>
            {t(`confidence_${confidenceWord(diagnosis.confidence)}`)}
          </span>
          {diagnosis.vendor && <span class="vendor">{t('byVendor', [vendorName(diagnosis.vendor)])}</span>}
        </p>
      </div>
      <p class="target" title={event.url}>
        <span class="status">{event.status || event.error}</span> <span class="url">{event.url}</span>
      </p>
      <Fixes tabId={tabId} pageUrl={tabUrl || event.url} diagnosis={diagnosis} />
      <EvidenceList evidence={diagnosis.evidence} subresource={event.type !== 'main_frame'} />
      {diagnosis.reference && (
        <section class="reference" aria-labelledby="ref-h">
          <h2 id="ref-h">{t('referenceHeading')}</h2>
          <p data-testid="reference">
            {diagnosis.reference.label}: <code>{diagnosis.reference.value}</code>
          </p>
        </section>
      )}
      <CopyReport event={event} diagnosis={diagnosis} />
      <details class="developer">
        <summary>{t('developerHeading')}</summary>
        <p>{diagnosis.developerNote}</p>
      </details>
    </article>
  );
}
