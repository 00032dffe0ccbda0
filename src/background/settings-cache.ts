import { DEFAULT_SETTINGS, readSettings, watchSettings, type Settings } from '../shared/settings';

/**
 * The user's settings, held in memory so the listener can consult them without waiting; the
 * defaults apply for the few milliseconds until storage answers.
 */
let current: Settings = { ...DEFAULT_SETTINGS };
const listeners: ((settings: Settings, previous: Settings) => void)[] = [];

/** A change seen before the first read answered is newer than what that read returns. */
let changedMeanwhile = false;
/** Settles once the stored settings are known (or a change told them). */
export const settingsLoaded: Promise<void> = readSettings().then((stored) => {
  if (!changedMeanwhile) update(stored);
});
watchSettings((next) => {
  changedMeanwhile = true;
  update(next);
});

function update(next: Settings): void {
  const previous = current;
  current = next;
  for (const listener of listeners) listener(next, previous);
}

export function settings(): Settings {
  return current;
}

export function onSettingsChanged(listener: (settings: Settings, previous: Settings) => void): void {
  listeners.push(listener);
}
