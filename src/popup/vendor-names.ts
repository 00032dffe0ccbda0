import labelsUrl from '../engine/vendor-labels.json?url&no-inline';
import { useVendorNames, vendorDisplayName } from '../engine/vendor-names';

let labels: Record<string, string> | null = null;
let loading: Promise<void> | null = null;

/**
 * The vendors' display names, fetched as data with the engine's prose (engine-client.ts): as
 * script they would take ~0.6 KB gz of the popup's 25 KB budget. Never rejects; a failed load is
 * tried again next time, and until then names are shown as their ids.
 */
export function loadVendorNames(): Promise<void> {
  loading ??= fetch(labelsUrl)
    .then((response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((loaded) => {
      labels = loaded;
      // The engine's own sentences (evidence notes, the report) name vendors from the same list.
      useVendorNames(loaded);
    })
    .catch(() => {
      loading = null;
    });
  return loading;
}

/** Whether the names are here: a settled finding waits for them, the provisional one goes without. */
export function vendorNamesLoaded(): boolean {
  return labels !== null;
}

export function vendorName(id: string): string {
  return vendorDisplayName(id);
}
