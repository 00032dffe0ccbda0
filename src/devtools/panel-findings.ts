import { entryToObservation, HarError, isObj } from '../engine/har-entry';
import { judge } from '../engine/judge';
import { MAX_TEXT } from '../engine/match';
import { isRefusal } from '../engine/precheck';
import { CATEGORIES, type Category, type Diagnosis, type Observation } from '../engine/types';

/**
 * The DevTools panel's logic, pure: DevTools' HAR entries in, refused requests with their
 * diagnosis out, grouped by cause. The same path as the HAR explainer (entryToObservation, then
 * judge), so the panel, the options page and the command line agree on every entry.
 */

/** A HAR entry as DevTools gives it: plain JSON, plus a getContent method we never copy. */
export type HarEntry = Record<string, unknown>;

export interface PanelFinding {
  /** Stable across getHAR and onRequestFinished, to see one request once. */
  key: string;
  entry: HarEntry;
  observation: Observation;
  diagnosis: Diagnosis;
}

export interface FindingGroup {
  category: Category;
  findings: PanelFinding[];
}

/** Characters of base64 that decode to about MAX_TEXT bytes. */
const MAX_BASE64 = Math.ceil((MAX_TEXT * 4) / 3 / 4) * 4;

/** One request, whichever way DevTools reported it: start time, method and URL. */
export function entryKey(entry: unknown): string {
  if (!isObj(entry)) return '';
  const request = isObj(entry.request) ? entry.request : {};
  return `${String(entry.startedDateTime ?? '')} ${String(request.method ?? '')} ${String(request.url ?? '')}`;
}

/**
 * Whether the body is worth asking DevTools for: a refusal by the engine's pre-check (status,
 * headers, network error), any error status (judge reads a body at hand for those: Google's 503
 * "unusual traffic" fetched by a script), or a document, since some block pages come with 200
 * (F5's). Images, scripts and fetches that were answered normally are never read.
 */
export function wantsBody(entry: unknown): boolean {
  try {
    const obs = entryToObservation(entry, 0);
    return isRefusal(obs.status, obs.headers, obs.error, obs.type) || obs.status >= 400 || obs.type === 'main_frame' || obs.type === 'sub_frame';
  } catch {
    return false;
  }
}

/** A copy of `entry` (without its methods) whose response carries the body, bounded as the engine reads it. */
export function withContent(entry: HarEntry, text: string | null | undefined, encoding?: string | null): HarEntry {
  const copy = plain(entry);
  if (!text || !isObj(copy.response)) return copy;
  const content = isObj(copy.response.content) ? copy.response.content : {};
  const base64 = encoding === 'base64';
  copy.response.content = { ...content, text: text.slice(0, base64 ? MAX_BASE64 : MAX_TEXT), ...(base64 ? { encoding: 'base64' } : {}) };
  return copy;
}

/** The entry judged: null for an answer the engine finds fine, or for an entry that is not usable HAR. */
export function findingOf(entry: unknown): PanelFinding | null {
  let observation: Observation;
  try {
    observation = entryToObservation(entry, 0);
  } catch (error) {
    if (error instanceof HarError) return null;
    throw error;
  }
  const diagnosis = judge(observation);
  return diagnosis ? { key: entryKey(entry), entry: plain(entry as HarEntry), observation, diagnosis } : null;
}

/** Groups in the engine's order of categories (blocks and challenges first), each in time order. */
export function groupByCategory(findings: readonly PanelFinding[]): FindingGroup[] {
  const groups = new Map<Category, PanelFinding[]>();
  for (const finding of findings) {
    const list = groups.get(finding.diagnosis.category) ?? [];
    list.push(finding);
    groups.set(finding.diagnosis.category, list);
  }
  return CATEGORIES.flatMap((category) => {
    const list = groups.get(category);
    return list ? [{ category, findings: [...list].sort((a, b) => a.observation.time - b.observation.time) }] : [];
  });
}

/** Vendors seen in front of the site that did not refuse: the diagnosis's inFront minus its vendor. */
export function vendorsInFront(d: Diagnosis): string[] {
  return (d.inFront ?? []).filter((v) => v !== d.vendor);
}

/** JSON data only: DevTools' entries carry getContent, which must not travel into exports. */
function plain(entry: HarEntry): HarEntry {
  return JSON.parse(JSON.stringify(entry)) as HarEntry;
}

/** Past this size a file is not a HAR the panel should read in one go. */
export const MAX_HAR_CHARS = 64 * 1024 * 1024;

/** The entries of a HAR document picked by hand (the panel page outside DevTools). */
export function harEntries(text: string): unknown[] {
  if (text.length > MAX_HAR_CHARS) throw new HarError('the file is too large');
  let har: unknown;
  try {
    har = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new HarError('not valid JSON');
  }
  const log = isObj(har) ? har.log : undefined;
  if (!isObj(log) || !Array.isArray(log.entries)) throw new HarError('not a HAR file: "log.entries" is missing');
  return log.entries;
}

/** Page-controlled text for display: one line, at most `max` characters. */
export function bounded(text: string, max = 300): string {
  const line = text.replace(/[\r\n\t]+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
