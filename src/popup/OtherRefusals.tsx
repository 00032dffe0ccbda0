import { keyPart, t } from '../shared/i18n';
import type { Category } from '../engine/types';
import type { RefusalEvent } from '../shared/log';

/** The rest of the page's refusals, grouped by cause, newest first within a group. */
export function OtherRefusals({ events }: { events: readonly RefusalEvent[] }) {
  if (events.length === 0) return null;
  const groups = new Map<Category, RefusalEvent[]>();
  for (const e of [...events].reverse()) {
    const group = groups.get(e.category) ?? [];
    group.push(e);
    groups.set(e.category, group);
  }
  return (
    <section class="others" aria-labelledby="others-h">
      <h2 id="others-h">{t('otherRefusals')}</h2>
      {[...groups].map(([category, items]) => (
        <details key={category} data-testid="group" data-category={category}>
          <summary>
            {t(`headline_${keyPart(category)}`)} <span class="count">{items.length}</span>
          </summary>
          <ul>
            {items.map((e) => (
              <li key={e.seq}>
                <span class="status">{e.status || e.error}</span> <span class="type">{e.type}</span>{' '}
                <span class="url" title={e.url}>
                  {e.url}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
