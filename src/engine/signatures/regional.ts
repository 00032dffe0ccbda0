import type { Signature } from '../signature';

const OWNER_FIXES = ['contact-owner', 'disable-vpn', 'retry'] as const;
const ADMIN_FIXES = ['contact-admin', 'disable-vpn'] as const;

/**
 * WAFs outside the usual Western list (Chinese and Russian clouds, hosting firewalls) and the
 * network's own filters (corporate web filters, court-ordered ISP blocks). Recognised by their
 * block pages' own markup and headers, copied from real captures (test/fixtures/real).
 */
export const REGIONAL: readonly Signature[] = [
  {
    id: 'aliyun-waf-block',
    vendor: 'aliyun',
    category: 'security-block',
    statuses: [405, 403],
    acted: [
      { body: 'errors.aliyun.com' },
      { body: '您的访问被阻断' },
    ],
    presence: [{ cookie: 'acw_tc' }, { header: 'eagleeye-traceid' }],
    confidence: 0.93,
    reference: [
      { label: 'Alibaba Cloud trace ID', after: '"traceid":"' },
      { label: 'Alibaba Cloud request ID', after: '您的请求ID是' },
      { label: 'Alibaba Cloud trace ID', header: 'eagleeye-traceid' },
    ],
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'tencent-cloud-waf-block',
    vendor: 'tencent-cloud',
    category: 'security-block',
    statuses: [403, 405, 503],
    acted: [
      { body: 'qcloud/security/static' },
      { body: '腾讯t-sec web应用防火墙' },
    ],
    confidence: 0.94,
    reference: [{ label: 'Tencent Cloud WAF UUID', after: '请求UUID为：' }, { label: 'Tencent Cloud WAF UUID', after: 'UUID' }],
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'huawei-cloud-waf-block',
    vendor: 'huawei-cloud-waf',
    category: 'security-block',
    statuses: [418, 403],
    acted: [
      { header: 'server', equals: 'cloudwaf' },
      { body: 'content="cloudwaf"' },
    ],
    presence: [{ cookie: 'hwwafsesid' }],
    confidence: 0.93,
    reference: [{ label: 'Huawei Cloud WAF request ID', after: 'requestid = "' }],
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'wts-waf-block',
    vendor: 'wts-waf',
    category: 'security-block',
    statuses: [403],
    acted: [
      { title: 'wts-waf' },
      { header: 'server', includes: 'wts/' },
    ],
    confidence: 0.92,
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'qianxin-waf-block',
    vendor: 'qianxin',
    category: 'security-block',
    statuses: [493, 403],
    acted: [
      { body: '360安域' },
      { body: 'intercept by anyu' },
      { header: 'server', includes: 'cwap-waf' },
      { header: 'wzws-ray' },
    ],
    confidence: 0.93,
    reference: [
      { label: 'Qi-AnXin event ID', after: 'eventID' },
      { label: 'Qi-AnXin ray', header: 'wzws-ray' },
    ],
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'knownsec-block',
    vendor: 'knownsec',
    category: 'security-block',
    statuses: [403, 405, 503],
    acted: [{ body: 'notice-jiasule' }, { body: 'jiasule.com' }],
    presence: [{ header: 'x-via-jsl' }, { cookie: '__jsluid_h' }, { cookie: '__jsluid_s' }],
    confidence: 0.92,
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'janusec-block',
    vendor: 'janusec',
    category: 'security-block',
    statuses: [403],
    acted: [{ body: 'janusec application gateway' }, { body: 'www.janusec.com' }],
    confidence: 0.92,
    fixes: [...OWNER_FIXES],
  },
  {
    // A keyword filter on Chinese shared hosting; its page comes with 200.
    id: 'infosafe-block',
    vendor: 'infosafe',
    category: 'security-block',
    acted: [{ body: 'infosafekey' }, { title: '信息监控拦截系统' }],
    requireAny: [{ body: '7i24.com/safe' }, { body: '拦截' }],
    confidence: 0.93,
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'stormwall-block',
    vendor: 'stormwall',
    category: 'security-block',
    statuses: [403],
    acted: [{ body: 'static.stormwall.pro' }],
    confidence: 0.93,
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'bitninja-challenge',
    vendor: 'bitninja',
    category: 'security-challenge',
    statuses: [403, 503],
    acted: [
      { header: 'server', includes: 'bitninja' },
      { body: 'bitninja' },
    ],
    confidence: 0.92,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn'],
  },
  {
    id: 'indusface-block',
    vendor: 'indusface',
    category: 'security-block',
    statuses: [406, 403],
    acted: [{ header: 'server', equals: 'if_waf' }],
    confidence: 0.93,
    reference: [{ label: 'Indusface incident ID', after: 'Incident ID' }],
    fixes: [...OWNER_FIXES],
  },
  {
    id: 'csf-block',
    vendor: 'csf',
    category: 'ip-restriction',
    statuses: [403],
    acted: [
      { body: "blocked in this server's firewall" },
      { body: 'your blocked ip address is' },
    ],
    confidence: 0.93,
    fixes: ['contact-owner', 'disable-vpn', 'wait-and-retry'],
  },
  {
    // A corporate firewall refusing a category of sites: the network's administrator decides.
    id: 'fortinet-web-filter',
    vendor: 'fortinet',
    category: 'blocked-by-administrator',
    statuses: [403, 200],
    acted: [{ title: 'web filter violation' }, { title: 'web filter block override' }],
    requireAny: [{ body: 'fortinet' }, { body: 'fortiguard' }, { body: 'fgd_icon' }],
    confidence: 0.95,
    fixes: [...ADMIN_FIXES],
  },
  {
    id: 'paloalto-url-filtering',
    vendor: 'paloalto',
    category: 'blocked-by-administrator',
    statuses: [503, 403, 200],
    acted: [{ body: 'has been blocked in accordance with company policy' }],
    requireAny: [{ title: 'web page blocked' }, { body: 'web page blocked' }],
    confidence: 0.94,
    fixes: [...ADMIN_FIXES],
  },
  {
    // Russian ISPs' stub for sites in Roskomnadzor's register; it arrives as an ordinary page.
    id: 'rkn-isp-block',
    vendor: null,
    category: 'legal-restriction',
    acted: [
      { body: 'eais.rkn.gov.ru' },
      { body: 'nap.rkn.gov.ru' },
      { body: 'reestr.rkn.gov.ru' },
    ],
    requireAny: [{ body: 'доступ ограничен' }, { body: 'по решению суда' }],
    confidence: 0.95,
    fixes: ['disable-vpn', 'contact-admin'],
  },
];
