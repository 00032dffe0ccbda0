import type { Signature } from '../signature';

const OWNER_FIXES = ['contact-owner', 'disable-vpn', 'retry'] as const;

export const WAFS: readonly Signature[] = [
  {
    id: 'sucuri-block',
    vendor: 'sucuri',
    category: 'security-block',
    statuses: [403, 503],
    acted: [
      { header: 'x-sucuri-block', note: 'Sucuri marks the requests it blocked with x-sucuri-block.' },
      { body: 'sucuri website firewall', note: 'Sucuri\u2019s "Access Denied - Sucuri Website Firewall" page.' },
      { body: 'cloudproxy@sucuri.net', note: 'Sucuri\u2019s block page contact address.' },
      { body: 'sucuri_firewall_block', note: 'Sucuri block page stylesheet.' },
    ],
    presence: [
      { header: 'x-sucuri-id', note: 'Sucuri adds x-sucuri-id to the responses it serves.' },
      { header: 'server', includes: 'sucuri', note: 'The server is Sucuri CloudProxy.' },
    ],
    confidence: 0.94,
    reference: [
      { label: 'Sucuri Block ID', after: 'Block ID' },
      { label: 'Sucuri Block ID', header: 'x-sucuri-block' },
      { label: 'Sucuri ID', header: 'x-sucuri-id' },
    ],
    fixes: [...OWNER_FIXES],
    summary: 'The site\u2019s firewall (Sucuri) blocked your request.',
    developerNote:
      'The Sucuri Website Firewall (CloudProxy) refused the request. Its Block ID names the reason (e.g. BNP: bad bot, BLK: blacklisted IP, VRZ: virtual patch, ACCESS-DENIED: country or IP rule). Owners: look up the time and IP under Audit Trails, or allowlist the IP.',
  },
  {
    id: 'barracuda-block',
    vendor: 'barracuda',
    category: 'security-block',
    statuses: [403, 406, 503],
    acted: [
      { body: 'barracuda networks', note: 'The block page names Barracuda Networks.' },
      { body: 'barracuda.networks', note: 'The block page names Barracuda Networks.' },
      { body: 'barracuda web application firewall', note: 'The block page names the Barracuda WAF.' },
    ],
    presence: [
      { cookie: 'barra_counter_session', note: 'Barracuda WAF cookie.' },
      { cookie: 'bni__barracuda_lb_cookie', note: 'Barracuda load-balancer cookie.' },
      { cookie: 'bni_persistence', note: 'Barracuda persistence cookie.' },
    ],
    confidence: 0.88,
    reference: [{ label: 'Barracuda event ID', after: 'Event ID' }],
    fixes: [...OWNER_FIXES],
    summary: 'The site\u2019s firewall (Barracuda) blocked your request.',
    developerNote:
      'A Barracuda Web Application Firewall rejected the request. Owners: find it in the WAF\u2019s Web Firewall Logs by time and client IP; the log names the rule and the attack type.',
  },
  {
    id: 'fortinet-block',
    vendor: 'fortinet',
    category: 'security-block',
    statuses: [403, 200],
    acted: [
      { body: 'fgd_icon', note: 'FortiGuard / FortiWeb block page markup.' },
      { body: 'globalurl.fortinet.net', note: 'Fortinet block page resources.' },
      { body: 'fortigate application control', note: 'FortiGate Application Control block page.' },
      { body: 'fortiguard intrusion prevention', note: 'FortiGuard IPS block page.' },
    ],
    requireAny: [
      { body: 'web page blocked', note: 'Wording of Fortinet\u2019s block page.' },
      { body: 'attack id', note: 'Fortinet block pages print an Attack ID.' },
      { body: 'event id', note: 'Fortinet block pages print an Event ID.' },
      { body: 'message id', note: 'FortiWeb block pages print a Message ID.' },
    ],
    presence: [{ cookie: 'fortiwafsid', note: 'FortiWeb session cookie.' }],
    confidence: 0.92,
    reference: [
      { label: 'FortiWeb Message ID', after: 'Message ID' },
      { label: 'Fortinet Event ID', after: 'Event ID' },
      { label: 'Fortinet Attack ID', after: 'Attack ID' },
    ],
    fixes: ['contact-owner', 'contact-admin', 'retry'],
    summary: 'A Fortinet firewall blocked this page.',
    developerNote:
      'A Fortinet FortiWeb WAF (or a FortiGate on your own network) served its "Web Page Blocked" page. The Message/Event ID and Attack ID identify the signature in the attack log. If the page appears on many sites, it is your workplace or school firewall: ask its administrator.',
  },
  {
    id: 'modsecurity-block',
    vendor: 'modsecurity',
    category: 'security-block',
    statuses: [403, 406],
    acted: [
      { body: 'mod_security', note: 'The page says ModSecurity generated it.' },
      { body: 'modsecurity', note: 'The page names ModSecurity.' },
      { body: 'mod security rules triggered', note: 'ModSecurity rule message.' },
      { header: 'server', includes: 'mod_security', note: 'The server header names ModSecurity.' },
      { header: 'server', equals: 'noyb', note: 'ModSecurity\u2019s server-header masking (NOYB).' },
    ],
    confidence: 0.93,
    fixes: ['contact-owner', 'check-url', 'retry'],
    summary: 'The site\u2019s firewall (ModSecurity) rejected this request as suspicious.',
    developerNote:
      'ModSecurity (usually with the OWASP Core Rule Set) refused the request: "Not Acceptable! ... This error was generated by Mod_Security" (406) or a 403. Form input, URLs or cookies that look like SQL/HTML/shell syntax trigger false positives. Owners: find the rule id in the ModSecurity audit log (modsec_audit.log / error log) and add an exclusion.',
  },
  {
    id: 'wordfence-block',
    vendor: 'wordfence',
    category: 'security-block',
    statuses: [503, 403],
    acted: [
      { body: 'your access to this site has been limited', note: 'Wording of Wordfence\u2019s block page.' },
      { body: 'generated by wordfence', note: 'Wordfence block page footer.' },
      { body: 'wordfence blocking rules', note: 'Wordfence firewall block message.' },
      { body: 'a potentially unsafe operation has been detected', note: 'Wordfence firewall block message.' },
      { header: 'server', includes: 'wf_waf', note: 'Wordfence WAF server header.' },
    ],
    confidence: 0.94,
    fixes: ['contact-owner', 'disable-vpn', 'wait-and-retry'],
    summary: 'The site\u2019s security plugin (Wordfence) has limited your access.',
    developerNote:
      'Wordfence (a WordPress security plugin) refused the request: "Your access to this site has been limited by the site owner" (503) comes from a blocked IP, country, rate limit or brute-force lockout; the firewall\u2019s 403 names the rule. Owners: Wordfence > Tools > Live Traffic shows the reason; Firewall > Blocking lists the block.',
  },
  {
    id: 'radware-block',
    vendor: 'radware',
    category: 'security-block',
    statuses: [403, 200, 406],
    acted: [
      { body: 'unauthorized activity has been detected', note: 'Wording of Radware\u2019s block page.' },
      { title: 'unauthorized request blocked', note: 'Title of Radware\u2019s block page.' },
      { body: 'cloudwebsec.radware.com', note: 'Radware Cloud WAF resources.' },
    ],
    presence: [{ cookie: 'rdwr', prefix: true, note: 'Radware cookie.' }, { header: 'x-sl-compstate', note: 'Radware (AppWall) header.' }],
    confidence: 0.92,
    reference: [{ label: 'Radware case number', after: 'Case Number' }],
    fixes: [...OWNER_FIXES],
    summary: 'The site\u2019s firewall (Radware) blocked your request.',
    developerNote:
      'Radware AppWall / Cloud WAF served its "Unauthorized Request Blocked" page. The case number on the page identifies the event for the site\u2019s security team.',
  },
  {
    id: 'reblaze-block',
    vendor: 'reblaze',
    category: 'security-block',
    statuses: [403, 429],
    acted: [
      { body: 'current session has been terminated', note: 'Wording of Reblaze\u2019s block page.' },
      { header: 'server', includes: 'reblaze', note: 'Reblaze Secure Web Gateway answered.' },
      { body: 'access denied (403)', note: 'Reblaze block page heading.' },
    ],
    requireAny: [
      { header: 'server', includes: 'reblaze', note: 'Reblaze server header.' },
      { cookie: 'rbzid', note: 'Reblaze cookie.' },
      { body: 'reblaze', note: 'The page names Reblaze.' },
    ],
    presence: [{ cookie: 'rbzid', note: 'Reblaze cookie.' }, { cookie: 'rbzsessionid', note: 'Reblaze session cookie.' }],
    confidence: 0.9,
    fixes: [...OWNER_FIXES],
    summary: 'The site\u2019s firewall (Reblaze) blocked your request.',
    developerNote:
      'The Reblaze Secure Web Gateway (now Link11) terminated the session: a WAF, bot or rate-limit rule matched. Owners: search the Reblaze/Curiefense view log by time and IP.',
  },
  {
    id: 'stackpath-block',
    vendor: 'stackpath',
    category: 'security-block',
    statuses: [403],
    acted: [
      { body: 'an action has triggered the service and blocked your request', note: 'Wording of StackPath\u2019s block page.' },
      { body: 'is using a security service for protection against online attacks', note: 'Wording of StackPath\u2019s block page.' },
    ],
    requireAny: [
      { body: 'stackpath', note: 'The page names StackPath.' },
      { header: 'server', includes: 'stackpath', note: 'The server is StackPath.' },
    ],
    confidence: 0.9,
    fixes: [...OWNER_FIXES],
    summary: 'The site\u2019s security service (StackPath) blocked your request.',
    developerNote: 'The StackPath WAF blocked the request. Owners: the WAF > Requests log lists it with the rule that matched.',
  },
];
