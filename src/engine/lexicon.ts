import type { Category, FixId } from './types';

/**
 * The page's own words, for refusals no signature explains: a block page that says "too many
 * requests" or "acceso denegado" is better explained by that than by its bare status. Lower
 * confidence than any vendor signature; read only when no signature with evidence fired.
 *
 * Each entry is a category with the phrases that say it, lower case, in the languages real block
 * pages come in. Matching is a plain substring search (linear, no regular expressions). Entries
 * are in priority order: when a page says two things ("too many requests from your IP"), the
 * first category listed wins.
 */
export interface WordRule {
  /** Cause id, worded in prose/en.json like a signature's. */
  cause: string;
  category: Category;
  confidence: number;
  fixes: readonly FixId[];
  phrases: readonly string[];
}

export const LEXICON: readonly WordRule[] = [
  {
    // A web filter on the visitor's own network (office, school, ISP): no one at the site acted.
    cause: 'words-network-policy',
    category: 'blocked-by-administrator',
    confidence: 0.65,
    fixes: ['contact-admin', 'disable-vpn'],
    phrases: [
      'blocked by your network administrator',
      'blocked by your administrator',
      'your network administrator',
      'your organization\'s internet',
      'your organisation\'s internet',
      'internet usage policy',
      'internet use policy',
      'acceptable use policy',
      'in accordance with company policy',
      'web filter',
      'content filter',
      'url filtering',
      'url category',
      'von ihrem netzwerkadministrator',
      'administrador de red',
      'administrateur réseau',
      'administrador da rede',
      'администратором сети',
      '网络管理员',
    ],
  },
  {
    cause: 'words-rate-limit',
    category: 'rate-limit',
    confidence: 0.66,
    fixes: ['wait-and-retry', 'disable-vpn', 'contact-owner'],
    phrases: [
      'too many requests',
      'rate limit',
      'rate-limit',
      'ratelimit',
      'rate limited',
      'request limit exceeded',
      'slow down',
      'zu viele anfragen',
      'zu viele anforderungen',
      'demasiadas solicitudes',
      'demasiadas peticiones',
      'trop de requêtes',
      'trop de demandes',
      'muitas solicitações',
      'muitas requisições',
      'слишком много запросов',
      '请求过于频繁',
      '访问过于频繁',
      '请求太频繁',
      '操作过于频繁',
      '访问频率过高',
      'リクエストが多すぎます',
      'リクエスト数が上限',
      'アクセスが集中',
      'terlalu banyak permintaan',
      'troppe richieste',
      'çok fazla istek',
      '요청이 너무 많',
    ],
  },
  {
    cause: 'words-challenge',
    category: 'security-challenge',
    confidence: 0.64,
    fixes: ['retry', 'pause-extensions', 'clear-cookies', 'disable-vpn', 'contact-owner'],
    phrases: [
      'captcha',
      'verify you are human',
      'verify that you are human',
      'verify you are a human',
      'confirm you are human',
      'are you a robot',
      'not a robot',
      'checking your browser',
      'human verification',
      'security challenge',
      'browser verification',
      'bestätigen sie, dass sie ein mensch sind',
      'überprüfung ihres browsers',
      'kein roboter',
      'verifica que eres humano',
      'verificando tu navegador',
      'verificando su navegador',
      'no soy un robot',
      'vérifiez que vous êtes humain',
      'vérification de votre navigateur',
      'je ne suis pas un robot',
      'verificando seu navegador',
      'não sou um robô',
      'проверка браузера',
      'проверяем ваш браузер',
      'я не робот',
      'не робот',
      '验证码',
      '人机验证',
      '请完成安全验证',
      'ロボットではありません',
      '画像認証',
      'bukan robot',
    ],
  },
  {
    cause: 'words-geo',
    category: 'geo-restriction',
    confidence: 0.63,
    fixes: ['disable-vpn', 'contact-owner'],
    phrases: [
      'your country',
      'your region',
      'your location',
      'in your area',
      'geographic',
      'geo-restrict',
      'geoblock',
      'ihrem land',
      'ihrer region',
      'su país',
      'tu país',
      'su región',
      'votre pays',
      'votre région',
      'seu país',
      'sua região',
      'вашей страны',
      'вашем регионе',
      'вашего региона',
      '您所在的国家',
      '您所在的地区',
      '所在地区',
      'お住まいの国',
      'お住まいの地域',
      'negara anda',
    ],
  },
  {
    cause: 'words-ip',
    category: 'ip-restriction',
    confidence: 0.62,
    fixes: ['disable-vpn', 'contact-owner', 'retry'],
    // Never "your IP" alone: pages print the visitor's address for many reasons.
    phrases: [
      'your ip has been',
      'your ip address has been',
      'your ip is blocked',
      'your ip address is blocked',
      'your ip is not allowed',
      'your ip address is not allowed',
      'ip is not allowed',
      'ip address is not allowed',
      'ip has been blocked',
      'ip address has been blocked',
      'ip address blocked',
      'ip blocked',
      'ip banned',
      'ip address is banned',
      'ip is banned',
      'blocked ip',
      'banned ip',
      'ip address rejected',
      'ip address was rejected',
      'ihre ip-adresse wurde',
      'ihre ip wurde',
      'su dirección ip ha sido',
      'tu dirección ip ha sido',
      'su ip ha sido',
      'votre adresse ip a été',
      'votre ip a été',
      'seu endereço ip foi',
      'seu ip foi',
      'ваш ip-адрес заблокирован',
      'ваш ip адрес заблокирован',
      'ваш ip заблокирован',
      'ip-адрес заблокирован',
      '您的ip已被',
      '您的ip地址已被',
      'ip地址已被',
      'ipアドレスはブロック',
      'ip anda telah diblokir',
    ],
  },
  {
    cause: 'words-expired',
    category: 'signed-url-expired',
    confidence: 0.6,
    fixes: ['get-new-link', 'check-url', 'retry'],
    phrases: [
      'link has expired',
      'link expired',
      'url has expired',
      'url expired',
      'request has expired',
      'signature has expired',
      'signature expired',
      'expired signature',
      'expired link',
      'link ist abgelaufen',
      'enlace ha caducado',
      'enlace ha expirado',
      'lien a expiré',
      'link expirou',
      'срок действия ссылки',
      '链接已过期',
      '链接已失效',
      'リンクの有効期限',
    ],
  },
  {
    cause: 'words-permission',
    category: 'insufficient-permissions',
    confidence: 0.59,
    fixes: ['sign-in', 'check-url', 'contact-owner'],
    phrases: [
      'not authorized to',
      'not authorised to',
      'do not have permission',
      "don't have permission",
      'you do not have access',
      "you don't have access",
      'insufficient permission',
      'insufficient privileges',
      'keine berechtigung',
      'no tiene permiso',
      'no tienes permiso',
      "vous n'avez pas l'autorisation",
      "vous n'avez pas les droits",
      'não tem permissão',
      'você não tem permissão',
      'нет прав',
      'недостаточно прав',
      '没有权限',
      '无权访问',
      '権限がありません',
      'tidak memiliki izin',
    ],
  },
  {
    cause: 'words-blocked',
    category: 'security-block',
    confidence: 0.58,
    fixes: ['contact-owner', 'disable-vpn', 'pause-extensions', 'retry'],
    phrases: [
      'access denied',
      'access to this page has been denied',
      'request blocked',
      'blocked access',
      'request was blocked',
      'request has been blocked',
      'been blocked',
      'blocked by',
      'firewall',
      'security policy',
      'security service',
      'malicious',
      'suspicious activity',
      'attack detected',
      'zugriff verweigert',
      'zugang verweigert',
      'anfrage blockiert',
      'wurde blockiert',
      'wurde gesperrt',
      'blockiert',
      'acceso denegado',
      'solicitud bloqueada',
      'ha sido bloquead',
      'accès refusé',
      'accès interdit',
      'requête bloquée',
      'a été bloqué',
      'acesso negado',
      'acesso bloqueado',
      'foi bloquead',
      'доступ запрещен',
      'доступ запрещён',
      'доступ заблокирован',
      'запрос заблокирован',
      'был заблокирован',
      'была заблокирована',
      '访问被拒绝',
      '拒绝访问',
      '访问被阻断',
      '被拦截',
      '禁止访问',
      '请求存在异常',
      '限制本次访问',
      'アクセスが拒否されました',
      'アクセス拒否',
      'ブロックされました',
      'akses ditolak',
      'diblokir',
      'accesso negato',
      'erişim engellendi',
      'erişim reddedildi',
      '접근이 거부',
      '차단되었습니다',
    ],
  },
  {
    cause: 'words-sign-in',
    category: 'auth-required',
    confidence: 0.57,
    fixes: ['sign-in', 'clear-cookies', 'retry'],
    phrases: [
      'please sign in',
      'please log in',
      'please login',
      'you must be logged in',
      'you need to sign in',
      'you need to log in',
      'login required',
      'authentication required',
      'bitte melden sie sich an',
      'inicia sesión para',
      'debe iniciar sesión',
      'veuillez vous connecter',
      'faça login',
      'войдите',
      '请登录',
      'ログインしてください',
    ],
  },
];

/** Statuses the words may explain: refusals whose status alone says little. Never 2xx or 404. */
export const LEXICON_STATUSES: readonly number[] = [400, 403, 405, 406, 412, 418, 503];

export interface WordMatch {
  rule: WordRule;
  /** The phrases found, first found first (at most a few). */
  phrases: string[];
}

/**
 * The rule whose phrases the page says most often (distinct phrases, at most three counted);
 * on a tie, the one listed first. A CSF page that says "blocked in this server's firewall" twice
 * and offers a CAPTCHA to unblock is a block, not a challenge. An XML body is an API's error
 * document (object stores): its words ("Access denied.") are field values, explained by the
 * store's own signatures or not at all.
 */
export function matchWords(title: string, body: string, bodyHas: (phrase: string) => boolean = (phrase) => body.includes(phrase)): WordMatch | null {
  if (body.trimStart().startsWith('<?xml')) return null;
  let best: WordMatch | null = null;
  for (const rule of LEXICON) {
    const phrases: string[] = [];
    for (const phrase of rule.phrases) {
      if (title.includes(phrase) || bodyHas(phrase)) {
        phrases.push(phrase);
        if (phrases.length === 3) break;
      }
    }
    if (phrases.length > (best?.phrases.length ?? 0)) best = { rule, phrases };
  }
  return best;
}
