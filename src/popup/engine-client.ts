import { toDiagnosis, type Prose } from '../engine/to-diagnosis';
import proseUrl from '../engine/prose/en.json?url';
import type { CoreDiagnosis, Diagnosis, Observation } from '../engine/types';
import { browser } from '../shared/browser';
import type { WorkerRequest } from '../shared/messages';
import { loadVendorNames } from './vendor-names';

/*
 * Why the popup holds neither the signatures nor the prose as script: its budget is 25 KB gz of
 * JavaScript and its own UI is ~21 KB of that, while the matching data alone is ~9 KB.
 * - Matching runs in the worker, which has the engine anyway (one message per finding).
 * - The words are the engine's English prose, fetched as data (prose/en.json, ~12 KB gz) the
 *   first time a finding is shown, like the _locales messages the browser loads for us. They are
 *   English on purpose: evidence notes and developer notes are technical, and the summary goes
 *   into the report for the site owner, which is English throughout. What the popup says to the
 *   user in its own words (headline, advice, fixes) is localised in _locales by category.
 */
let prose: Promise<Prose> | null = null;

/** The prose, and the vendors' names with it: every worded finding has both (vendor-names.ts). */
function loadProse(): Promise<Prose> {
  prose ??= Promise.all([
    fetch(proseUrl).then((response) => {
      if (!response.ok) throw new Error(`engine prose: HTTP ${response.status}`);
      return response.json() as Promise<Prose>;
    }),
    loadVendorNames(),
  ]).then(([words]) => words);
  // A failed load is tried again next time rather than remembered.
  prose.catch(() => (prose = null));
  return prose;
}

/**
 * Starts loading the prose while the popup reads its tab's log, so that the settled finding waits
 * for the worker's answer alone. A failure is left to diagnoseAll, which tries again.
 */
export function preloadProse(): void {
  loadProse().catch(() => undefined);
}

/** Full diagnoses of these observations: the worker's engine finds, the popup words. */
export async function diagnoseAll(observations: Observation[]): Promise<Diagnosis[]> {
  const request: WorkerRequest = { type: 'diagnose', observations };
  const [cores, words] = await Promise.all([browser.runtime.sendMessage(request) as Promise<CoreDiagnosis[] | undefined>, loadProse()]);
  if (!Array.isArray(cores) || cores.length !== observations.length) throw new Error('the worker did not diagnose');
  return cores.map((core) => toDiagnosis(core, words));
}

/**
 * The observation judged as the listener would (null: nothing is wrong with it), then worded: for
 * a page that loaded but whose text may say it is a block page (F5's comes with 200).
 */
export async function judgeOne(observation: Observation): Promise<Diagnosis | null> {
  const request: WorkerRequest = { type: 'judge', observation };
  const [core, words] = await Promise.all([browser.runtime.sendMessage(request) as Promise<CoreDiagnosis | null | undefined>, loadProse()]);
  if (core === undefined) throw new Error('the worker did not judge');
  return core && toDiagnosis(core, words);
}

/** A CoreDiagnosis the worker sent (a re-check's), in words. */
export async function wordCore(core: CoreDiagnosis): Promise<Diagnosis> {
  return toDiagnosis(core, await loadProse());
}
