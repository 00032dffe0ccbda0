import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of a browser, read from /proc: the sum of user+system time of the browser process and
 * every live descendant, plus the time of children they have already reaped (cutime/cstime), so a
 * renderer that exits between two readings still counts once. Linux only.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  ppid: number;
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3); utime is field 14, stime 15, cutime 16, cstime 17.
    const num = (field: number): number => Number(fields[field - 3]);
    return { ppid: num(4), ticks: num(14) + num(15) + num(16) + num(17) };
  } catch {
    return null;
  }
}

export function hasProc(): boolean {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds of CPU used so far by `root` and its descendants. */
export function treeCpuMs(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(pid);
    children.set(stat.ppid, list);
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks * TICK_MS;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the browser's processes stop using the CPU: at most `quietMs` of CPU over each of
 * `windows` consecutive windows of `windowMs`, or gives up after `timeoutMs`. Returns the time waited.
 */
export async function waitIdle(
  root: number,
  { windowMs = 250, quietMs = 10, windows = 2, timeoutMs = 8000 }: { windowMs?: number; quietMs?: number; windows?: number; timeoutMs?: number } = {},
): Promise<number> {
  const start = Date.now();
  let quiet = 0;
  let last = treeCpuMs(root);
  while (Date.now() - start < timeoutMs) {
    await sleep(windowMs);
    const now = treeCpuMs(root);
    quiet = now - last <= quietMs ? quiet + 1 : 0;
    last = now;
    if (quiet >= windows) break;
  }
  return Date.now() - start;
}
