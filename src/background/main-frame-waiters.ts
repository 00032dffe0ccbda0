/** Lets a fix wait for the tab's next document answer after it reloads the tab. */
export interface MainFrameOutcome {
  status: number | null;
  refused: boolean;
}

const waiters = new Map<number, (outcome: MainFrameOutcome) => void>();

export function waitForMainFrame(tabId: number, timeoutMs: number): Promise<MainFrameOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiters.delete(tabId);
      resolve({ status: null, refused: false });
    }, timeoutMs);
    waiters.set(tabId, (outcome) => {
      clearTimeout(timer);
      waiters.delete(tabId);
      resolve(outcome);
    });
  });
}

export function settleMainFrame(tabId: number, status: number, refused: boolean): void {
  if (waiters.size === 0) return;
  waiters.get(tabId)?.({ status, refused });
}
