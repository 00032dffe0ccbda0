import { diagnoseCore } from './core';
import { describe, type Prose } from './describe';
import PROSE from './prose/en.json';
import type { Signature } from './signature';
import type { Diagnosis, Observation } from './types';

/**
 * The full diagnosis, worded: for the command line, the options page and the tests. The worker
 * uses `diagnoseCore` and never loads the prose; the popup asks the worker for the core and
 * fetches prose/en.json as data (see popup/engine-client.ts).
 */
export function diagnose(obs: Observation, signatures?: readonly Signature[]): Diagnosis {
  return describe(diagnoseCore(obs, signatures), PROSE as Prose);
}
