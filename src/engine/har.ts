import { entryToObservation, HarError, isObj } from './har-entry';
import { judge } from './judge';
import type { Diagnosis, Observation } from './types';

export { HarError };

/** Past this many entries a file is not a browser recording we can explain in one go. */
const MAX_ENTRIES = 200_000;

export interface HarFinding {
  /** Position in log.entries. */
  index: number;
  observation: Observation;
  diagnosis: Diagnosis;
}

/**
 * Parses a HAR 1.2 document (object or JSON text) into one Observation per entry. Pure; throws
 * HarError with a one-line message when the input is not usable HAR.
 */
export function parseHar(input: unknown): Observation[] {
  const har = typeof input === 'string' ? parseJson(input) : input;
  if (!isObj(har)) throw new HarError('not a HAR file: the top level is not an object');
  const log = har.log;
  if (!isObj(log)) throw new HarError('not a HAR file: "log" is missing or not an object');
  const entries = log.entries;
  if (!Array.isArray(entries)) throw new HarError('not a HAR file: "log.entries" is not an array');
  if (entries.length > MAX_ENTRIES) throw new HarError(`too many entries (${entries.length}; at most ${MAX_ENTRIES})`);
  return entries.map((entry, index) => entryToObservation(entry, index));
}

/** Every refused entry with its diagnosis; entries judged fine or expected are left out. */
export function explainHar(input: unknown): { total: number; findings: HarFinding[] } {
  const observations = parseHar(input);
  const findings: HarFinding[] = [];
  observations.forEach((observation, index) => {
    const diagnosis = judge(observation);
    if (diagnosis) findings.push({ index, observation, diagnosis });
  });
  return { total: observations.length, findings };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'parse error';
    throw new HarError(`not valid JSON (${reason})`);
  }
}
