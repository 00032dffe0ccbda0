import type { Entry, Har, Header, QueryString } from 'har-format';
import type { Diagnosis } from '../engine/types';
import type { RefusalEvent } from '../shared/log';

/** One refused request with its diagnosis, as the developer details show it. */
export interface DevRow {
  event: RefusalEvent;
  diagnosis: Diagnosis;
}

/** Header names the diagnosis rests on (lower-case), to highlight among all headers. */
export function headersThatMattered(d: Diagnosis): Set<string> {
  return new Set(d.evidence.filter((e) => e.kind === 'header').map((e) => e.name.toLowerCase()));
}

/** Every refusal with what the engine concluded, for a bug report or a script. */
export function toJson(rows: readonly DevRow[]): string {
  return JSON.stringify(
    rows.map(({ event: e, diagnosis: d }) => ({
      time: new Date(e.time).toISOString(),
      method: e.method,
      url: e.url,
      status: e.status,
      ...(e.error ? { error: e.error } : {}),
      type: e.type,
      ...(e.initiator ? { initiator: e.initiator } : {}),
      headers: e.headers,
      cause: d.cause,
      category: d.category,
      vendor: d.vendor,
      confidence: d.confidence,
      reference: d.reference,
      evidence: d.evidence,
    })),
    null,
    2,
  );
}

/**
 * webRequest resource type -> the `_resourceType` DevTools writes, which HAR readers (our own
 * HAR explainer among them, src/engine/har-entry.ts) understand; a frame is a document there too.
 */
const DEVTOOLS_TYPES: Record<string, Entry['_resourceType']> = {
  main_frame: 'document',
  sub_frame: 'document',
  xmlhttprequest: 'xhr',
  image: 'image',
  imageset: 'image',
  script: 'script',
  stylesheet: 'stylesheet',
  font: 'font',
  media: 'media',
  websocket: 'websocket',
  ping: 'ping',
  csp_report: 'csp-violation-report',
};

/**
 * A HAR 1.2 log of the refused requests (http://www.softwareishard.com/blog/har-12-spec/). Only
 * what was stored is there: response headers (Set-Cookie reduced to cookie names), no request
 * headers, no bodies, no timings; unknown sizes are -1 as the format asks.
 */
export function toHar(rows: readonly DevRow[], version: string): string {
  const entries = rows.map(({ event: e }): Entry => {
    const headers: Header[] = Object.entries(e.headers).flatMap(([name, value]) =>
      value.split('\n').map((line) => ({ name, value: line })),
    );
    return {
      startedDateTime: new Date(e.time).toISOString(),
      time: 0,
      request: {
        method: e.method,
        url: e.url,
        httpVersion: '',
        cookies: [],
        headers: [],
        queryString: queryOf(e.url),
        headersSize: -1,
        bodySize: -1,
      },
      response: {
        status: e.status,
        statusText: '',
        httpVersion: '',
        cookies: [],
        headers,
        content: { size: -1, mimeType: e.headers['content-type'] ?? '' },
        redirectURL: e.headers.location ?? '',
        headersSize: -1,
        bodySize: -1,
        ...(e.error ? { _error: e.error } : {}),
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
      _resourceType: DEVTOOLS_TYPES[e.type] ?? 'other',
    };
  });
  const har: Har = { log: { version: '1.2', creator: { name: 'Why Blocked', version }, entries } };
  return JSON.stringify(har, null, 2);
}

function queryOf(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}
