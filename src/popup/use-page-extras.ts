import { useEffect, useState } from 'preact/hooks';
import type { RefusalEvent } from '../shared/log';
import type { PageExtras } from '../shared/observation';
import { readPage } from '../shared/page-reader';

/**
 * For a refused document, reads its title, text and the site's cookie names after the first paint,
 * so the popup shows the header-based finding at once and sharpens it a moment later.
 */
export function usePageExtras(tabId: number | null, event: RefusalEvent | null): PageExtras {
  const [extras, setExtras] = useState<PageExtras>({});
  const key = event ? `${tabId}:${event.seq}` : '';
  useEffect(() => {
    setExtras({});
    if (tabId === null || !event || event.type !== 'main_frame') return;
    let live = true;
    void readPage(tabId, event.url).then((found) => {
      if (live) setExtras(found);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return extras;
}
