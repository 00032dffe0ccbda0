import { clip } from './match';
import type { Fact, Observation } from './types';

/** The first fact: the status (or the network error) as the browser saw it. Notes: prose/en.json "status:<code>". */
export function statusFact(obs: Observation): Fact {
  if (obs.status === 0) return { kind: 'error', name: 'error', value: clip(obs.error ?? 'network error'), about: 'network-error' };
  return { kind: 'status', name: 'status', value: String(obs.status), about: `status:${obs.status}` };
}
