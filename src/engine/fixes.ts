/**
 * Every fix, declared once. The rest is derived: FixId from the keys; FixAction (the fixes the
 * worker carries out), the message's list of actions and the popup's one-click buttons from
 * `offer`; message keys from the id (`fix_<id>`, and `fix_<id>_hint` for a button), which tsc
 * checks against _locales/en/messages.json. Plain data without words (the worker and the popup
 * load it): the command line's line per fix is in fix-text.ts, a Record<FixId> tsc checks too.
 */
interface FixSpec {
  /**
   * How the popup offers it: 'button' runs in the worker (a runner in background/fixes.ts, which
   * tsc asks for), then retries; 'retry' is offered as the Retry button; 'wait' counts down the
   * site's wait, then retries; 'report' copies the report for the site owner; 'open-directly' opens a
   * refused frame or resource in its own tab; 'advice' is a sentence: only the user can do it.
   */
  offer: 'button' | 'retry' | 'wait' | 'report' | 'open-directly' | 'advice';
  /** Acts on the site's data, so it is unavailable outside websites (about:, file:, extension pages). */
  needsSite?: true;
  /**
   * Asks before acting where the browser cannot limit it to the site (Firefox clears its whole
   * cache): the popup shows `fix_<id>_gecko_hint` and asks with `fix_<id>_gecko`.
   */
  asksUnlessPerSite?: true;
}

export const FIXES = {
  retry: { offer: 'button' },
  'wait-and-retry': { offer: 'wait' },
  'clear-cookies': { offer: 'button', needsSite: true },
  'clear-cache': { offer: 'button', needsSite: true, asksUnlessPerSite: true },
  'sign-in': { offer: 'advice' },
  'check-url': { offer: 'advice' },
  'disable-vpn': { offer: 'advice' },
  'pause-extensions': { offer: 'advice' },
  'contact-owner': { offer: 'report' },
  /** Reload the form's page (new CSRF token) and send it again. */
  'reload-page': { offer: 'retry' },
  /** Ask whoever shared a signed link for a fresh one. */
  'get-new-link': { offer: 'advice' },
  /** Open a framed page in its own tab: the site refuses to be framed. */
  'open-directly': { offer: 'open-directly' },
  /** A browser or network policy: only its administrator can change it. */
  'contact-admin': { offer: 'advice' },
} as const satisfies Record<string, FixSpec>;

export type FixId = keyof typeof FIXES;
export const FIX_IDS = Object.keys(FIXES) as FixId[];

/** The fixes the worker carries out in one click (the `fix` message's `action`). */
export type FixAction = { [K in FixId]: (typeof FIXES)[K]['offer'] extends 'button' ? K : never }[FixId];
/** The fixes shown as a sentence. */
export type AdviceFix = { [K in FixId]: (typeof FIXES)[K]['offer'] extends 'advice' ? K : never }[FixId];

export const isOneClick = (id: FixId): id is FixAction => FIXES[id].offer === 'button';
export const isAdvice = (id: FixId): id is AdviceFix => FIXES[id].offer === 'advice';
/** The one-click buttons, in the order the popup adds them after the diagnosis's own. */
export const ONE_CLICK: readonly FixAction[] = FIX_IDS.filter(isOneClick);

export const specOf = (id: FixId): FixSpec => FIXES[id];
