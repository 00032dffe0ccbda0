import VENDOR_LABELS from './vendor-labels.json';
import { useVendorNames } from './vendor-names';

/**
 * Display names for vendor ids (vendor-labels.json); unknown ids as they are. Importing this
 * module puts the list in force for the engine's sentences too (vendor-names.ts). The popup does
 * not import it: it fetches the same file as data, which keeps it under its script budget.
 */
const LABELS: Record<string, string> = VENDOR_LABELS;
useVendorNames(LABELS);

/** For the test that every vendor the engine can report is named. */
export function hasVendorLabel(id: string): boolean {
  return Object.hasOwn(LABELS, id);
}

export function vendorLabel(id: string): string {
  return LABELS[id] ?? id;
}
