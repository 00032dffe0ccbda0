import { entryKey, findingOf, wantsBody, withContent, type HarEntry, type PanelFinding } from './panel-findings';

/** DevTools' network log, as the panel needs it; `network.ts` makes one from the browser's API. */
export interface NetworkLog {
  /** Every entry DevTools has so far (`devtools.network.getHAR()`). */
  entries(): Promise<unknown[]>;
  /** Calls `listener` with each entry that finishes from now on; returns the unsubscribe. */
  subscribe(listener: (entry: unknown) => void): () => void;
  /** The entry's response body (`getContent()`), or null when DevTools has none. */
  content(entry: unknown): Promise<{ text: string; encoding?: string } | null>;
}

export interface Collected {
  findings: PanelFinding[];
  /** Requests DevTools reported, refused or not. */
  seen: number;
  /** Findings left out past MAX_FINDINGS (the oldest go). */
  dropped: number;
}

/** A page that keeps refusing (a polling script) must not grow the panel without end. */
export const MAX_FINDINGS = 500;
/** DevTools never answers getContent for a body the page did not read (a fetch left unread). */
export const CONTENT_TIMEOUT_MS = 3000;

/**
 * Gathers the refused requests of the inspected tab: what DevTools logged before the panel opened,
 * then each request as it finishes. A body is asked for only where `wantsBody` says so, and each
 * request is judged once however DevTools reported it.
 */
export class Collector {
  private readonly keys = new Set<string>();
  private findings: PanelFinding[] = [];
  private seen = 0;
  private dropped = 0;
  private stop: (() => void) | null = null;
  /** Bumped by clear(): a body that arrives after it belongs to the list that was cleared. */
  private generation = 0;

  constructor(
    private readonly log: NetworkLog,
    private readonly onChange: (state: Collected) => void,
    private readonly contentTimeoutMs = CONTENT_TIMEOUT_MS,
  ) {}

  /** Listens first, then reads the log, so that nothing finishing in between is missed. */
  async start(): Promise<void> {
    this.stop = this.log.subscribe((entry) => void this.add(entry));
    const entries = await this.log.entries();
    await Promise.all(entries.map((entry) => this.add(entry)));
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
  }

  clear(): void {
    this.generation++;
    this.keys.clear();
    this.findings = [];
    this.seen = 0;
    this.dropped = 0;
    this.emit();
  }

  async add(entry: unknown): Promise<void> {
    const key = entryKey(entry);
    if (!key || this.keys.has(key)) return;
    this.keys.add(key);
    const generation = this.generation;
    this.seen++;
    let full = entry as HarEntry;
    if (wantsBody(entry)) {
      const body = await withTimeout(this.log.content(entry).catch(() => null), this.contentTimeoutMs);
      if (body) full = withContent(full, body.text, body.encoding);
    }
    if (generation !== this.generation) return;
    const finding = findingOf(full);
    if (finding) {
      this.findings = [...this.findings, finding];
      if (this.findings.length > MAX_FINDINGS) {
        this.dropped += this.findings.length - MAX_FINDINGS;
        this.findings = this.findings.slice(-MAX_FINDINGS);
      }
    }
    this.emit();
  }

  private emit(): void {
    this.onChange({ findings: this.findings, seen: this.seen, dropped: this.dropped });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]).finally(() => clearTimeout(timer));
}
