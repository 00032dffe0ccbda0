import { useEffect, useState } from 'preact/hooks';
import { hasHostAccess, requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';

type Access = 'checking' | 'granted' | 'missing' | 'just-granted' | 'refused';

/**
 * Without host access to the tab's site the worker sees none of its answers, so "nothing refused"
 * would mislead: say what is missing and offer to ask for it. The browser shows its prompt only
 * when `permissions.request` is called from the click itself.
 */
export function HostAccess({ url }: { url: string }) {
  const [access, setAccess] = useState<Access>('checking');
  useEffect(() => {
    let live = true;
    void hasHostAccess(url).then((ok) => live && setAccess(ok ? 'granted' : 'missing'));
    return () => {
      live = false;
    };
  }, [url]);

  if (access === 'checking' || access === 'granted') return null;
  const host = siteNameOf(url);
  const ask = (): void => {
    void requestHostAccess().then((ok) => setAccess(ok ? 'just-granted' : 'refused'));
  };
  return (
    <section class="note" data-testid="host-access" aria-labelledby="host-access-h">
      <h2 id="host-access-h">{t('hostAccessTitle')}</h2>
      {access === 'just-granted' ? (
        <p role="status">{t('hostAccessGranted')}</p>
      ) : (
        <>
          <p>{t('hostAccessMissing', [host])}</p>
          <button type="button" data-testid="host-access-request" onClick={ask}>
            {t('hostAccessButton')}
          </button>
          {access === 'refused' && <p role="status">{t('hostAccessRefused')}</p>}
        </>
      )}
    </section>
  );
}

function siteNameOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return t('hostAccessThisSite');
  }
}
