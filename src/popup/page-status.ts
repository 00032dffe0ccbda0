import { navigationOf } from '../shared/page-status';

/** The status the tab's document was answered with; 200 where the page does not tell: it did load. */
export async function readPageStatus(tabId: number): Promise<number> {
  return (await navigationOf(tabId))?.status ?? 200;
}
