/**
 * The vendors' display names in force, for the engine's own sentences (evidence notes, reports).
 * Whoever has the list supplies it: vendor-label.ts bundles vendor-labels.json (worker, command
 * line, options, DevTools panel); the popup fetches that file as data (popup/vendor-names.ts).
 * Until then a vendor is named by its id.
 */
let names: Readonly<Record<string, string>> = {};

export function useVendorNames(next: Readonly<Record<string, string>>): void {
  names = next;
}

export function vendorDisplayName(id: string): string {
  return Object.hasOwn(names, id) ? (names[id] ?? id) : id;
}
