import { diagnoseCore } from './core';
import { toDiagnosis, type Prose } from './to-diagnosis';
import PROSE from './prose/en.json';
import type { Diagnosis, Observation } from './types';
import './words';

/**
 * The full diagnosis, worded: for the command line, the options page and the tests. The worker
 * uses `diagnoseCore` and never loads the prose; the popup asks the worker for the core and
 * fetches prose/en.json as data (see popup/engine-client.ts).
 */
export function diagnose(obs: Observation): Diagnosis {
  return toDiagnosis(diagnoseCore(obs), PROSE as Prose);
}
