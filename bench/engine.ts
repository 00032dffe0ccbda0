import { diagnose, type Observation } from '../src/engine';
import { HOSTILE, ORDINARY, REFUSED } from './engine-inputs';
import { median, spread, type Spread } from './stats';

export interface EngineResult {
  refusedPerSecond: Spread;
  ordinaryPerSecond: Spread;
  /** Worst hostile body's median time, and each body's. */
  pathologicalMs: number;
  hostile: { name: string; ms: Spread }[];
}

let sink = 0;

/** Observations diagnosed per second over about `ms` of looping through `inputs`. */
function throughput(inputs: readonly Observation[], ms: number): number {
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(ms * 1e6));
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const obs of inputs) sink += diagnose(obs).confidence;
    count += inputs.length;
    elapsed = process.hrtime.bigint() - start;
  }
  return count / (Number(elapsed) / 1e9);
}

function timeOnce(obs: Observation): number {
  const start = process.hrtime.bigint();
  sink += diagnose(obs).confidence;
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Engine speed in this Node: each run loops for `runMs`, after one unmeasured warm-up run. */
export function benchEngine(runs: number, runMs = 600): EngineResult {
  throughput(REFUSED, runMs);
  throughput(ORDINARY, runMs);
  const refused: number[] = [];
  const ordinary: number[] = [];
  for (let i = 0; i < runs; i++) {
    refused.push(throughput(REFUSED, runMs));
    ordinary.push(throughput(ORDINARY, runMs));
  }
  // The first diagnosis of each hostile body counts too: an attacker gets one shot per response.
  const hostile = HOSTILE.map(({ name, obs }) => ({ name, ms: spread(Array.from({ length: Math.max(3, runs) }, () => timeOnce(obs))) }));
  if (Number.isNaN(sink)) process.stderr.write('');
  return {
    refusedPerSecond: spread(refused),
    ordinaryPerSecond: spread(ordinary),
    pathologicalMs: Math.max(...hostile.map((h) => h.ms.median)),
    hostile,
  };
}

export const engineInputCounts = { refused: REFUSED.length, ordinary: ORDINARY.length, hostile: HOSTILE.length, median };
