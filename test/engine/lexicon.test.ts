import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/engine/diagnose';
import { lexicon, matchWords } from '../../src/engine/lexicon';
import { CATEGORIES, FIX_IDS } from '../../src/engine/types';
import { obs } from '../fixtures/fixture';

describe('the page-text lexicon (lexicon.json)', () => {
  it('is well formed: known categories and fixes, lower-case trimmed phrases, none twice', () => {
    expect(lexicon().length).toBeGreaterThan(5);
    for (const rule of lexicon()) {
      expect(CATEGORIES, rule.cause).toContain(rule.category);
      for (const fix of rule.fixes) expect(FIX_IDS, rule.cause).toContain(fix);
      expect(rule.phrases.filter((p) => p !== p.toLowerCase() || p !== p.trim() || p.length < 3), rule.cause).toEqual([]);
      expect(new Set(rule.phrases).size, rule.cause).toBe(rule.phrases.length);
      expect(rule.confidence).toBeLessThan(0.7);
    }
  });

  it('names the category a page says, in other languages too, below any vendor', () => {
    const said = (status: number, text: string) => diagnose(obs({ status, pageText: text }));
    expect(said(403, '<h1>Zugriff verweigert</h1>')).toMatchObject({ category: 'security-block', cause: 'words-blocked' });
    expect(said(503, '<p>请求过于频繁，请稍后再试</p>')).toMatchObject({ category: 'rate-limit', cause: 'words-rate-limit' });
    expect(said(403, '<p>Este contenido no está disponible en su país</p>')).toMatchObject({ category: 'geo-restriction' });
    expect(said(403, '<p>Your IP address has been blocked.</p>').category).toBe('ip-restriction');
    expect(said(403, '<p>This website has been blocked by your network administrator.</p>').category).toBe('blocked-by-administrator');
    expect(said(403, '<p>Доступ запрещен</p>').confidence).toBeLessThan(0.7);
  });

  it('leaves statuses with their own meaning, pages without the words, and XML error documents alone', () => {
    expect(diagnose(obs({ status: 429, pageText: 'Access denied' })).category).toBe('rate-limit');
    expect(diagnose(obs({ status: 403, pageText: '<p>Welcome back</p>' })).cause).toBe('insufficient-permissions');
    expect(matchWords('', '<?xml version="1.0"?><Error><Message>Access denied.</Message></Error>')).toBeNull();
  });

  it('takes the category said most, not the first listed: a firewall page that offers a CAPTCHA is a block', () => {
    const found = matchWords('', "your connection has been blocked in this server's firewall. if you are a human you can unblock yourself using recaptcha");
    expect(found?.rule.category).toBe('security-block');
  });
});
