import { MAX_TEXT } from './match';
import type { Observation } from './types';

/** Thrown for input that is not a usable HAR; the message is one line, fit for a user. */
export class HarError extends Error {
  override name = 'HarError';
}

type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** sec-fetch-dest or Chrome's _resourceType -> webRequest resource type. */
const DEST_TYPES: Record<string, string> = {
  document: 'main_frame',
  iframe: 'sub_frame',
  frame: 'sub_frame',
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  empty: 'xmlhttprequest',
  eventsource: 'xmlhttprequest',
  image: 'image',
  script: 'script',
  stylesheet: 'stylesheet',
  style: 'stylesheet',
  font: 'font',
  media: 'media',
  audio: 'media',
  video: 'media',
  track: 'media',
  websocket: 'websocket',
  ping: 'ping',
  object: 'object',
  embed: 'object',
};

const TEXT_MIME = ['html', 'json', 'xml', 'text/', 'javascript'];

/** One HAR entry -> Observation. Throws HarError naming the entry and field when types are wrong. */
export function entryToObservation(entry: unknown, index: number): Observation {
  const where = `entry ${index}`;
  if (!isObj(entry)) throw new HarError(`${where} is not an object`);
  const request = entry.request;
  const response = entry.response;
  if (!isObj(request)) throw new HarError(`${where}: request is missing or not an object`);
  if (!isObj(response)) throw new HarError(`${where}: response is missing or not an object`);
  if (typeof request.url !== 'string') throw new HarError(`${where}: request.url is not a string`);
  if (typeof response.status !== 'number' || !Number.isFinite(response.status)) throw new HarError(`${where}: response.status is not a number`);
  const requestHeaders = headerMap(request.headers, `${where}: request.headers`);
  const headers = headerMap(response.headers, `${where}: response.headers`);
  const setCookie = headers['set-cookie'];
  if (setCookie !== undefined) headers['set-cookie'] = cookieNamesOf(setCookie).join('\n');
  const content = isObj(response.content) ? response.content : {};
  const mime = typeof content.mimeType === 'string' ? content.mimeType.toLowerCase() : '';
  const type = resourceTypeOf(entry, requestHeaders, mime);
  const obs: Observation = {
    url: request.url,
    method: typeof request.method === 'string' ? request.method : 'GET',
    type,
    status: response.status > 0 ? Math.trunc(response.status) : 0,
    headers,
    cookies: [...new Set([...cookieNames(request.cookies), ...cookieNames(response.cookies), ...cookieNamesOf(setCookie ?? '')])],
    time: typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) || 0 : 0,
  };
  const error = response._error ?? entry._error;
  if (typeof error === 'string' && error) obs.error = error;
  const text = textOf(content, mime, type);
  if (text) obs.pageText = text;
  const initiator = initiatorOf(entry, requestHeaders);
  if (initiator) obs.initiator = initiator;
  return obs;
}

function headerMap(list: unknown, where: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (list === undefined) return headers;
  if (!Array.isArray(list)) throw new HarError(`${where} is not an array`);
  for (const item of list) {
    if (!isObj(item) || typeof item.name !== 'string') throw new HarError(`${where} has an entry without a name`);
    if (typeof item.value !== 'string') continue;
    const name = item.name.toLowerCase();
    const previous = headers[name];
    headers[name] = previous === undefined ? item.value : `${previous}\n${item.value}`;
  }
  return headers;
}

function cookieNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => (isObj(c) && typeof c.name === 'string' && c.name ? [c.name] : []));
}

/** Names from Set-Cookie lines ("name=value; Path=/"), never the values. */
function cookieNamesOf(setCookie: string): string[] {
  return setCookie
    .split('\n')
    .map((line) => line.slice(0, Math.max(0, line.indexOf('='))).trim())
    .filter(Boolean);
}

function resourceTypeOf(entry: Obj, requestHeaders: Record<string, string>, mime: string): string {
  const dest = requestHeaders['sec-fetch-dest']?.trim().toLowerCase();
  if (dest && DEST_TYPES[dest]) return DEST_TYPES[dest];
  const chrome = typeof entry._resourceType === 'string' ? entry._resourceType.toLowerCase() : '';
  if (chrome) return DEST_TYPES[chrome] ?? 'other';
  if (mime.includes('html')) return 'main_frame';
  if (mime.startsWith('image/')) return 'image';
  return 'other';
}

/** The response text for documents and text responses, bounded; base64 content decoded. */
function textOf(content: Obj, mime: string, type: string): string {
  if (typeof content.text !== 'string' || !content.text) return '';
  const isText = type === 'main_frame' || type === 'sub_frame' || TEXT_MIME.some((m) => mime.includes(m));
  if (!isText) return '';
  if (content.encoding !== 'base64') return content.text.slice(0, MAX_TEXT);
  const chunk = content.text.slice(0, Math.ceil((MAX_TEXT * 4) / 3 / 4) * 4).replace(/\s/g, '');
  try {
    const binary = atob(chunk.slice(0, chunk.length - (chunk.length % 4)));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes).slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}

function initiatorOf(entry: Obj, requestHeaders: Record<string, string>): string | undefined {
  const initiator = entry._initiator;
  if (isObj(initiator) && typeof initiator.url === 'string' && initiator.url) return initiator.url;
  return requestHeaders.referer || undefined;
}
