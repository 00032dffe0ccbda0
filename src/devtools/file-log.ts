import type { NetworkLog } from './collector';

/**
 * A HAR file as if DevTools had logged it: the panel page opened outside DevTools reads one the
 * user picks. The entries carry their bodies already (DevTools' "Export HAR with content"), so
 * there is nothing more to fetch and nothing more to come.
 */
export function fileLog(entries: readonly unknown[]): NetworkLog {
  return {
    entries: () => Promise.resolve([...entries]),
    subscribe: () => () => undefined,
    content: () => Promise.resolve(null),
  };
}
