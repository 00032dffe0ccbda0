import type { Observation } from '../engine/types';
import type { RefusalEvent } from './log';

/** What the page reader adds for a refused document. */
export interface PageExtras {
  cookies?: string[];
  pageTitle?: string;
  pageText?: string;
}

export function observationOf(event: RefusalEvent, extras: PageExtras = {}): Observation {
  const obs: Observation = {
    url: event.url,
    method: event.method,
    type: event.type,
    status: event.status,
    headers: event.headers,
    time: event.time,
  };
  if (event.error) obs.error = event.error;
  if (event.initiator) obs.initiator = event.initiator;
  const setCookies = event.headers['set-cookie']?.split('\n').filter(Boolean) ?? [];
  const cookies = [...new Set([...setCookies, ...(extras.cookies ?? [])])];
  if (cookies.length) obs.cookies = cookies;
  if (extras.pageTitle) obs.pageTitle = extras.pageTitle;
  if (extras.pageText) obs.pageText = extras.pageText;
  return obs;
}
