import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { clearHistory, HISTORY_PREFIX, readHistory, type HistoryEntry } from '../shared/history';
import { keyPart, t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { vendorLabel as vendorName } from '../engine/vendor-label';
import { groupBySite, matchesQuery } from './history-view';

/** Refusals across tabs and days, grouped by site and searchable; kept on this device only. */
export function History({ settings }: { settings: Settings }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [dropped, setDropped] = useState(0);
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const load = (): void => {
      readHistory().then(
        (h) => {
          setEntries(h.entries);
          setDropped(h.dropped);
        },
        () => setEntries([]),
      );
    };
    load();
    const onChanged = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(HISTORY_PREFIX))) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const groups = useMemo(
    () => groupBySite((entries ?? []).filter((e) => matchesQuery(e, query, t(`headline_${keyPart(e.category)}`)))),
    [entries, query],
  );

  const deleteAll = async (): Promise<void> => {
    setConfirming(false);
    try {
      await clearHistory();
      setEntries([]);
      setDropped(0);
      setStatus(t('historyDeleted'));
    } catch (error) {
      setStatus(t('fixErrorFailed', [String((error as Error)?.message ?? error)]));
    }
  };

  return (
    <section id="history" aria-labelledby="history-h">
      <h2 id="history-h">{t('historyHeading')}</h2>
      <p class="muted">
        {settings.history ? t('historyKept', [String(settings.historyDays)]) : t('historyOff')}
      </p>
      <div class="toolbar">
        <label>
          {t('historySearch')}{' '}
          <input type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="history-search" />
        </label>
        {confirming ? (
          <span class="confirm-inline" role="group" aria-label={t('historyDeleteAll')}>
            {t('historyDeleteConfirm')}{' '}
            <button type="button" data-testid="history-delete-confirm" onClick={() => void deleteAll()}>
              {t('historyDeleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          <button type="button" data-testid="history-delete" disabled={!entries?.length} onClick={() => setConfirming(true)}>
            {t('historyDeleteAll')}
          </button>
        )}
        <span role="status">{status}</span>
      </div>
      {entries === null ? (
        <p class="muted">{t('loading')}</p>
      ) : entries.length === 0 ? (
        <p data-testid="history-empty">{t('historyEmpty')}</p>
      ) : groups.length === 0 ? (
        <p>{t('historyNoMatch')}</p>
      ) : (
        <ul class="sites" data-testid="history">
          {groups.map((group) => (
            <li key={group.site}>
              <details open={groups.length <= 3}>
                <summary>
                  <strong>{group.site}</strong> <span class="muted">{group.total === 1
                      ? t('historySiteCountOne', [new Date(group.last).toLocaleString()])
                      : t('historySiteCount', [String(group.total), new Date(group.last).toLocaleString()])}</span>
                </summary>
                <table class="history-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('colTime')}</th>
                      <th scope="col">{t('colStatus')}</th>
                      <th scope="col">{t('colWhat')}</th>
                      <th scope="col">{t('colAddress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.entries.map((e) => (
                      <tr key={`${e.url}|${e.status}|${e.last}`} data-testid="history-entry">
                        <td>
                          <time dateTime={new Date(e.last).toISOString()}>{new Date(e.last).toLocaleString()}</time>
                          {e.count > 1 && <span class="muted"> {t('timesCount', [String(e.count)])}</span>}
                        </td>
                        <td>{e.status || e.error}</td>
                        <td>
                          {t(`headline_${keyPart(e.category)}`)}
                          {e.vendor && <span class="muted"> · {vendorName(e.vendor)}</span>}
                          {e.reference && (
                            <>
                              <br />
                              <code>{e.reference}</code>
                            </>
                          )}
                        </td>
                        <td class="address">
                          <span class="muted">{e.type}</span> {e.url}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          ))}
        </ul>
      )}
      {dropped > 0 && <p class="muted small">{t('historyDropped', [String(dropped)])}</p>}
    </section>
  );
}
