import { toDiagnosis, type Prose } from './to-diagnosis';
import PROSE from './prose/en.json';
import { judgeCore } from './judge-core';
import type { Diagnosis, Observation } from './types';
import './words';

// Without the prose, for callers that word nothing (the worker, end-to-end tests in Node).
export { judgeCore };

/** `judgeCore`, worded (HAR explainer, accuracy). */
export function judge(input: Observation): Diagnosis | null {
  const core = judgeCore(input);
  return core && toDiagnosis(core, PROSE as Prose);
}

