import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What Chromium's DevTools gave an extension for the block lab's DevTools page: getHAR() with
 * each body from getContent() (recorded by test/devtools/record-lab-har.ts).
 */
export type RecordedEntry = {
  request: { method: string; url: string; headers: { name: string; value: string }[] };
  response: { status: number; headers: { name: string; value: string }[]; content: { text?: string; encoding?: string; mimeType?: string } };
} & Record<string, unknown>;

export function recordedEntries(): RecordedEntry[] {
  const har = JSON.parse(readFileSync(join(__dirname, '../fixtures/har/devtools-lab-chromium.har'), 'utf8')) as { log: { entries: RecordedEntry[] } };
  return har.log.entries;
}

/** The path and query of an entry's URL: the lab's port changes with every recording. */
export const pathOf = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '');
