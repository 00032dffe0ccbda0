import { t } from '../shared/i18n';
import type { ScheduledRetry } from '../shared/scheduled-retry';
import { vendorName as vendorLabel } from './vendor-names';
import type { Diagnosis } from '../engine/types';
import { DeveloperSection } from './DeveloperSection';
import { Finding } from './Finding';
import type { LoadedPageFinding } from './use-loaded-page';

interface Props {
  tabId: number;
  tabUrl: string;
  found: LoadedPageFinding;
  scheduled: ScheduledRetry | null;
  readingHeaders: string | null;
}

/** A page that loaded (200, 503...) but is a block or challenge page: said first, then shown like any finding. */
export function LoadedPage({ tabId, tabUrl, found, scheduled, readingHeaders }: Props) {
  const { event, log, diagnosis, pageText } = found;
  return (
    <>
      <p class="note" data-testid="loaded-but">
        {loadedButText(diagnosis, event.status)}
      </p>
      <Finding
        tabId={tabId}
        tabUrl={tabUrl}
        log={log}
        event={event}
        diagnosis={diagnosis}
        settled
        scheduled={scheduled}
        pageText={pageText}
        readingHeaders={readingHeaders}
      />
      <DeveloperSection events={log.events} main={event} mainDiagnosis={diagnosis} />
    </>
  );
}

/** "This page loaded (status 200), but it is F5 BIG-IP's block page." */
export function loadedButText(diagnosis: Diagnosis, status: number): string {
  const code = String(status);
  const challenge = diagnosis.category === 'security-challenge';
  if (!diagnosis.vendor) return t(challenge ? 'loadedButChallenge' : 'loadedButBlock', [code]);
  return t(challenge ? 'loadedButVendorChallenge' : 'loadedButVendorBlock', [code, vendorLabel(diagnosis.vendor)]);
}
