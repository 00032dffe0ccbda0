import type { Evidence } from '../engine/types';
import { t } from '../shared/i18n';

/** Each fact the finding rests on, as the user could check it in DevTools. All values are text. */
export function EvidenceList({ evidence, subresource }: { evidence: readonly Evidence[]; subresource: boolean }) {
  return (
    <section class="evidence" aria-labelledby="ev-h">
      <h2 id="ev-h">{t('evidenceHeading')}</h2>
      <ul>
        {evidence.map((e, i) => (
          <li key={i} data-testid="evidence" data-kind={e.kind}>
            <span class="ev-name">{e.name}</span>
            {e.value && <code class="ev-value">{e.value}</code>}
            <span class="ev-note">{e.note}</span>
          </li>
        ))}
      </ul>
      {subresource && <p class="muted small">{t('noBody')}</p>}
    </section>
  );
}
