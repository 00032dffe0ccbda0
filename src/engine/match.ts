import type { Marker, ReferenceRule } from './signature';
import type { Evidence, Observation } from './types';

/** Bound on the page text the engine looks at; the reader bounds it too, this is the backstop. */
export const MAX_TEXT = 64 * 1024;
const MAX_EVIDENCE_VALUE = 200;

/** Lower-cased, bounded views of an observation, computed once per diagnosis. */
export interface Prepared {
  obs: Observation;
  url: string;
  body: string;
  title: string;
  error: string;
  cookies: readonly string[];
}

export function prepare(obs: Observation): Prepared {
  return {
    obs,
    url: lower(obs.url, 4096),
    body: lower(obs.pageText, MAX_TEXT),
    title: lower(obs.pageTitle, 1024),
    error: lower(obs.error, 256),
    cookies: (obs.cookies ?? []).slice(0, 200).map((c) => String(c).toLowerCase()),
  };
}

function lower(text: unknown, max: number): string {
  return typeof text === 'string' ? text.slice(0, max).toLowerCase() : '';
}

export function clip(value: string, max = MAX_EVIDENCE_VALUE): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Returns the evidence a marker found, or null. */
export function test(marker: Marker, p: Prepared): Evidence | null {
  if ('header' in marker) {
    const raw = p.obs.headers[marker.header];
    if (typeof raw !== 'string') return null;
    const value = raw.toLowerCase();
    if (marker.equals !== undefined && value.trim() !== marker.equals) return null;
    if (marker.includes !== undefined && !value.includes(marker.includes)) return null;
    return { kind: 'header', name: marker.header, value: clip(raw), note: marker.note };
  }
  if ('cookie' in marker) {
    const name = marker.cookie.toLowerCase();
    const found = p.cookies.find((c) => (marker.prefix ? c.startsWith(name) : c === name));
    return found === undefined ? null : { kind: 'cookie', name: found, value: '(present)', note: marker.note };
  }
  if ('body' in marker) {
    return findText(p.body, marker.body, 'body', marker.note);
  }
  if ('title' in marker) {
    return findText(p.title, marker.title, 'title', marker.note);
  }
  if ('error' in marker) {
    return p.error.includes(marker.error.toLowerCase())
      ? { kind: 'error', name: 'error', value: clip(p.obs.error ?? ''), note: marker.note }
      : null;
  }
  return p.url.includes(marker.url.toLowerCase())
    ? { kind: 'url', name: 'url', value: marker.url, note: marker.note }
    : null;
}

function findText(haystack: string, needle: string, kind: 'body' | 'title', note: string): Evidence | null {
  const at = haystack.indexOf(needle.toLowerCase());
  return at < 0 ? null : { kind, name: kind === 'body' ? 'page text' : 'title', value: clip(needle), note };
}

const ID_CHARS = /^[A-Za-z0-9.:_-]$/;

/** Pulls the reference id out by the first rule that finds one. */
export function extractReference(rules: readonly ReferenceRule[], p: Prepared): string | null {
  for (const rule of rules) {
    if (rule.header) {
      const value = p.obs.headers[rule.header];
      if (typeof value === 'string' && value.trim()) return clip(value.trim(), 120);
    }
    if (rule.after) {
      const found = idAfter(p.obs.pageText, p.body, rule.after) ?? idAfter(p.obs.pageTitle, p.title, rule.after);
      if (found) return found;
    }
  }
  return null;
}

/** The run of id characters after `label` (skipping spaces, '#', ':' and entity leftovers). */
function idAfter(original: string | undefined, lowered: string, label: string): string | null {
  if (!original) return null;
  const at = lowered.indexOf(label.toLowerCase());
  if (at < 0) return null;
  let i = at + label.length;
  const end = Math.min(original.length, i + 200);
  while (i < end && /^[\s#:&;=]$/.test(original[i] ?? '')) i++;
  let id = '';
  while (i < end && id.length < 120 && ID_CHARS.test(original[i] ?? '')) id += original[i++];
  id = id.replace(/^[.:_-]+|[.:_-]+$/g, '');
  return id.length >= 4 ? id : null;
}
