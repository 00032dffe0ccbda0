import { decodeEntities, titleOf } from './html-text';
import { jsonErrorText } from './json-text';
import { markerKey } from './marker-key';
import { pagePhrases } from './page-phrases';
import type { Marker, ReferenceRule } from './signature';
import { isCrossSite } from './site';
import type { Fact, Observation, Reference } from './types';

/** Bound on the page text the engine looks at; the reader bounds it too, this is the backstop. */
export const MAX_TEXT = 64 * 1024;
const MAX_EVIDENCE_VALUE = 200;

/** Lower-cased, bounded views of an observation, computed once per diagnosis. */
export interface Prepared {
  obs: Observation;
  url: string;
  /** Page text with entities decoded, original case (for reference ids). */
  text: string;
  /** `text` lower-cased. */
  body: string;
  titleText: string;
  title: string;
  error: string;
  type: string;
  cookies: readonly string[];
  /** Error fields of a JSON body, computed on first use. */
  json: string | null;
  /** Which known phrases the body says, found in one pass on first use (page-phrases.ts). */
  bodyHas: ((phrase: string) => boolean) | null;
  /** Request made by another site's page (hotlinks): two URL parses, so computed on first use. */
  crossSite: boolean | null;
}

export function prepare(obs: Observation): Prepared {
  const text = decodeEntities(bounded(obs.pageText, MAX_TEXT));
  const body = text.toLowerCase();
  const titleText = bounded(obs.pageTitle, 1024);
  const title = titleText ? titleText.toLowerCase() : titleOf(body);
  return {
    obs,
    url: bounded(obs.url, 4096).toLowerCase(),
    text,
    body,
    titleText: titleText || title,
    title,
    error: bounded(obs.error, 256).toLowerCase(),
    type: bounded(obs.type, 64).toLowerCase(),
    cookies: (obs.cookies ?? []).slice(0, 200).map((c) => String(c).toLowerCase()),
    json: null,
    bodyHas: null,
    crossSite: null,
  };
}

function bounded(text: unknown, max: number): string {
  return typeof text === 'string' ? text.slice(0, max) : '';
}

export function clip(value: string, max = MAX_EVIDENCE_VALUE): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Returns the fact a marker found, or null. Its `about` is computed only on a match. */
export function test(marker: Marker, p: Prepared): Fact | null {
  if ('header' in marker) return testHeader(marker, p);
  if ('cookie' in marker) {
    if (p.cookies.length === 0) return null;
    const name = marker.cookie.toLowerCase();
    const found = p.cookies.find((c) => (marker.prefix ? c.startsWith(name) : c === name));
    return found === undefined ? null : { kind: 'cookie', name: found, value: '(present)', about: markerKey(marker) };
  }
  if ('body' in marker) {
    if (!marker.whole) {
      if (p.body.length < marker.body.length) return null;
      p.bodyHas ??= pagePhrases(p.body);
      return p.bodyHas(marker.body) ? { kind: 'body', name: 'page text', value: clip(marker.body), about: markerKey(marker) } : null;
    }
    return p.body.length <= marker.body.length + 64 && p.body.trim() === marker.body ? { kind: 'body', name: 'page text', value: clip(marker.body), about: markerKey(marker) } : null;
  }
  if ('title' in marker) return findText(p.title, marker, marker.title, 'title', 'title');
  if ('json' in marker) {
    if (p.json === null) p.json = jsonErrorText(p.text);
    return findText(p.json, marker, marker.json, 'body', 'JSON error');
  }
  if ('error' in marker) {
    return p.error.includes(marker.error.toLowerCase())
      ? { kind: 'error', name: 'error', value: clip(p.obs.error ?? ''), about: markerKey(marker) }
      : null;
  }
  if ('url' in marker) {
    return p.url.includes(marker.url.toLowerCase()) ? { kind: 'url', name: 'url', value: marker.url, about: markerKey(marker) } : null;
  }
  if ('resourceType' in marker) {
    return marker.resourceType.includes(p.type) ? { kind: 'context', name: 'resource type', value: p.type, about: markerKey(marker) } : null;
  }
  p.crossSite ??= isCrossSite(bounded(p.obs.url, 4096), p.obs.initiator);
  return p.crossSite ? { kind: 'context', name: 'initiator', value: clip(p.obs.initiator ?? ''), about: markerKey(marker) } : null;
}

function testHeader(marker: Extract<Marker, { header: string }>, p: Prepared): Fact | null {
  const raw = p.obs.headers[marker.header];
  if (typeof raw !== 'string') return null;
  const value = raw.toLowerCase();
  if (marker.equals !== undefined && value.trim() !== marker.equals) return null;
  if (marker.includes !== undefined && !value.includes(marker.includes)) return null;
  return { kind: 'header', name: marker.header, value: clip(raw), about: markerKey(marker) };
}

/** Needles are lower case by contract (a test checks every signature), so no per-call lowering. */
function findText(haystack: string, marker: Marker, needle: string, kind: 'body' | 'title', name: string): Fact | null {
  return haystack.length >= needle.length && haystack.includes(needle) ? { kind, name, value: clip(needle), about: markerKey(marker) } : null;
}

/** Pulls the reference id out by the first rule that finds one. */
export function extractReference(rules: readonly ReferenceRule[], p: Prepared): Reference | null {
  for (const rule of rules) {
    if (rule.header) {
      const value = p.obs.headers[rule.header];
      if (typeof value === 'string' && value.trim()) return { label: rule.label, value: clip(value.trim(), 120) };
    }
    if (rule.after) {
      const found = idAfter(p.text, p.body, rule.after) ?? idAfter(p.titleText, p.title, rule.after);
      if (found) return { label: rule.label, value: found };
    }
  }
  return null;
}

/**
 * The id after `label`, skipping separators (spaces, '#', ':', '=') and HTML tags in between
 * ("Ray ID: <strong>8a1b...</strong>"), and up to three short words that are not ids (a
 * translated page's "support ID anda: 1829...", "Ray ID · 请求编号 a0db..."). Looks at most 300
 * characters ahead.
 */
function idAfter(original: string, lowered: string, label: string): string | null {
  // Lower-casing can change the length of some characters; then read ids from the lowered text.
  const source = original.length === lowered.length ? original : lowered;
  const needle = label.toLowerCase();
  // A page may name the label in a sentence first ("report it with the Ray ID below").
  for (let at = lowered.indexOf(needle), tries = 0; at >= 0 && tries < 5; at = lowered.indexOf(needle, at + 1), tries++) {
    const id = idAt(source, at + needle.length);
    if (id) return id;
  }
  return null;
}

function idAt(source: string, from: number): string | null {
  let i = from;
  const end = Math.min(source.length, i + 300);
  for (let word = 0; word < 4 && i < end; word++) {
    i = skipSeparators(source, i, end);
    if (i < 0) return null;
    const start = i;
    while (i < end && !SEPARATORS.includes(source[i] ?? '') && source[i] !== '<') i++;
    const id = idIn(source.slice(start, i));
    if (id) return id;
    // Only short words are stepped over: a sentence is not a label's filler.
    if (i - start > 12) return null;
  }
  return null;
}

/** The id in one word: its run of id characters, quotes or brackets around it dropped. */
function idIn(word: string): string | null {
  let start = 0;
  while (start < word.length && !isIdChar(word[start] ?? '')) start++;
  let end = start;
  while (end < word.length && end - start < 120 && isIdChar(word[end] ?? '')) end++;
  const id = trimPunctuation(word.slice(start, end));
  return id.length >= 4 && /\d/.test(id) ? id : null;
}

function skipSeparators(source: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const ch = source[i] ?? '';
    if (ch === '<') {
      const close = source.indexOf('>', i);
      if (close < 0 || close >= end) return -1;
      i = close + 1;
    } else if (SEPARATORS.includes(ch)) i++;
    else break;
  }
  return i;
}

const SEPARATORS = ' \t\r\n#:=\u00a0';

function isIdChar(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '.' || ch === '-' || ch === '_';
}

function trimPunctuation(id: string): string {
  let start = 0;
  let end = id.length;
  while (start < end && '.-_'.includes(id[start] ?? '')) start++;
  while (end > start && '.-_'.includes(id[end - 1] ?? '')) end--;
  return id.slice(start, end);
}
