import { diagnoseCore } from './core';
import { isRefusal } from './precheck';
import { sanitize } from './sanitize';
import type { CoreDiagnosis, Observation } from './types';

/**
 * The whole pipeline as the extension runs it: the pre-check decides whether the observation is a
 * refusal at all, then the engine explains it. A document that passed the pre-check (a 200 page)
 * is still read when its text is at hand, for block pages served with 200 (F5 ASM). Returns null
 * for responses judged fine and for expected ones (Cloudflare's challenge-platform 401).
 */
export function judgeCore(input: Observation): CoreDiagnosis | null {
  const obs = sanitize(input);
  const refused = isRefusal(obs.status, obs.headers, obs.error, obs.type);
  // A body at hand is read for documents (F5's block page comes with 200) and for any error
  // status (Google's 503 "unusual traffic" fetched by a script): the listener never has it.
  const readable = typeof obs.pageText === 'string' && obs.pageText.length > 0 && (isDocument(obs.type) || obs.status >= 400);
  if (!refused && !readable) return null;
  const diagnosis = diagnoseCore(obs);
  if (diagnosis.expected) return null;
  // Without the pre-check, only a named source counts: an article about "403 Forbidden" is fine.
  if (!refused && diagnosis.category === 'unknown') return null;
  return diagnosis;
}

function isDocument(type: string): boolean {
  return type === 'main_frame' || type === 'sub_frame';
}
