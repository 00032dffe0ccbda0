import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefusalEvent } from '../shared/log';
import type { PageExtras } from '../shared/observation';
import { readPage } from '../shared/page-reader';

/**
 * For a refused document, reads its title, text and the site's cookie names after the first paint.
 * Null while that read is under way: the finding is not final until the page has had its say
 * (a block page often names its source only in its text). Other events have nothing to read.
 */
export function usePageExtras(tabId: number | null, event: RefusalEvent | null): PageExtras | null {
  const key = event ? `${tabId}:${event.seq}` : '';
  const [read, setRead] = useState<{ key: string; extras: PageExtras } | null>(null);
  const needsRead = tabId !== null && event?.type === 'main_frame';
  // Started right after the render that has the event, not a frame later.
  useLayoutEffect(() => {
    if (!needsRead || tabId === null || !event) return;
    let live = true;
    // readPage never rejects: a page the browser will not script just yields less evidence.
    void readPage(tabId, event.url).then((extras) => {
      if (live) setRead({ key, extras });
    });
    return () => {
      live = false;
    };
  }, [key]);
  if (!needsRead) return NOTHING;
  return read?.key === key ? read.extras : null;
}

const NOTHING: PageExtras = {};
