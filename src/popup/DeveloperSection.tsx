import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import type { Diagnosis } from '../engine/types';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';

type DevDetailsProps = { events: readonly RefusalEvent[]; main: RefusalEvent; mainDiagnosis: Diagnosis; tabId?: number };

/** "Details for developers": its code loads only when opened, to keep the popup's first paint small. */
export function DeveloperSection(props: DevDetailsProps) {
  const [Details, setDetails] = useState<FunctionComponent<DevDetailsProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const onToggle = (e: Event): void => {
    if (!(e.currentTarget as HTMLDetailsElement).open || Details) return;
    import('./DevDetails').then(
      (m) => setDetails(() => m.DevDetails),
      () => setFailed(true),
    );
  };
  return (
    <details class="developer" onToggle={onToggle}>
      <summary>
        <h2>{t('developerHeading', [String(props.events.length)])}</h2>
      </summary>
      {Details ? <Details {...props} /> : <p class="muted small">{failed ? t('devLoadFailed') : t('loading')}</p>}
    </details>
  );
}
