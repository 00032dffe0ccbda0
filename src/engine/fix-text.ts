import type { FixId } from './fixes';

/** One plain line per fix, for text outputs (the HAR command line); the popup has its own words. */
export const FIX_TEXT: Record<FixId, string> = {
  retry: 'Try again.',
  'wait-and-retry': 'Wait a little, then try again.',
  'clear-cookies': 'Clear this site\u2019s cookies, then try again.',
  'clear-cache': 'Clear this site\u2019s cached files, then try again.',
  'sign-in': 'Sign in (again), or switch to an account that has access.',
  'check-url': 'Check the address: open it from the site itself.',
  'disable-vpn': 'Turn off your VPN or proxy, or try another network.',
  'pause-extensions': 'Pause extensions that block content or change requests.',
  'contact-owner': 'Contact the site owner with the report (reference id included).',
  'reload-page': 'Reload the page with the form, then send it again.',
  'get-new-link': 'Ask for a fresh link: this one has expired.',
  'open-directly': 'Open the page in its own tab.',
  'contact-admin': 'Ask your network or browser administrator.',
};
