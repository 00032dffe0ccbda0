import type { HistoryEntry } from '../shared/history';

export interface SiteGroup {
  site: string;
  entries: HistoryEntry[];
  /** Refusals in all, counting repeats. */
  total: number;
  last: number;
}

/** Entries grouped by site, the most recently refused site first; entries stay newest first. Pure. */
export function groupBySite(entries: readonly HistoryEntry[]): SiteGroup[] {
  const groups = new Map<string, SiteGroup>();
  for (const entry of entries) {
    const group = groups.get(entry.site) ?? { site: entry.site, entries: [], total: 0, last: 0 };
    group.entries.push(entry);
    group.total += entry.count;
    group.last = Math.max(group.last, entry.last);
    groups.set(entry.site, group);
  }
  return [...groups.values()].sort((a, b) => b.last - a.last);
}

/**
 * Does the entry match every word of the query? Words are looked for in the site, URLs, status,
 * cause, category, vendor and reference, case-insensitively. Pure.
 */
export function matchesQuery(entry: HistoryEntry, query: string, extraText = ''): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    entry.site,
    entry.page,
    entry.url,
    String(entry.status || ''),
    entry.error ?? '',
    entry.cause,
    entry.category,
    entry.vendor ?? '',
    entry.reference ?? '',
    extraText,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
