import { markerKey } from './marker-key';
import { test, type Prepared } from './match';
import type { Marker, Signature } from './signature';
import type { Fact } from './types';

interface PresenceRule {
  vendor: string;
  markers: Marker[];
}

/** Web servers are always "in front"; naming them as not having acted would only be noise. */
const SERVERS = new Set(['nginx', 'apache', 'iis']);
const cache = new WeakMap<readonly Signature[], PresenceRule[]>();

/** Vendor -> its presence markers, gathered from the signatures once. */
function rulesFor(signatures: readonly Signature[]): PresenceRule[] {
  let rules = cache.get(signatures);
  if (rules) return rules;
  const byVendor = new Map<string, Marker[]>();
  for (const sig of signatures) {
    if (!sig.vendor || !sig.presence || SERVERS.has(sig.vendor)) continue;
    const markers = byVendor.get(sig.vendor) ?? [];
    for (const marker of sig.presence) if (!markers.some((m) => markerKey(m) === markerKey(marker))) markers.push(marker);
    byVendor.set(sig.vendor, markers);
  }
  rules = [...byVendor].map(([vendor, markers]) => ({ vendor, markers }));
  cache.set(signatures, rules);
  return rules;
}

/** Vendors whose presence markers are in this observation, each with the first fact found. */
export function vendorsInFront(signatures: readonly Signature[], p: Prepared): { vendor: string; fact: Fact }[] {
  const found: { vendor: string; fact: Fact }[] = [];
  for (const rule of rulesFor(signatures)) {
    for (const marker of rule.markers) {
      const fact = test(marker, p);
      if (fact) {
        found.push({ vendor: rule.vendor, fact });
        break;
      }
    }
  }
  return found;
}
