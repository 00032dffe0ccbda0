import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIX_IDS, FIXES, ONE_CLICK, type FixAction, type FixId } from '../src/engine/fixes';
import { CATEGORIES, type Category, type ConfidenceWord } from '../src/engine/types';
import { keyPart, type KeyPart, type MessageKey } from '../src/shared/i18n';
import { ERROR_CHOICES, STATUS_CHOICES, statusWordKey } from '../src/shared/settings';

// settings.ts reads storage through the browser module, which only loads inside an extension.
vi.mock('../src/shared/browser', () => ({ browser: {} }));

type Messages = Record<string, { message: string; description?: string }>;

/**
 * Keys built from ids that en/messages.json lacks. tsc fails on the assignment below, naming
 * them, when a fix or category is added without its words (`npm run typecheck`, before any test).
 */
type Missing = Exclude<
  `fix_${KeyPart<FixId>}` | `fix_${KeyPart<FixAction>}_hint` | `headline_${KeyPart<Category>}` | `advice_${KeyPart<Category>}` | `confidence_${ConfidenceWord}`,
  MessageKey
>;
const everyFixAndCategoryWorded: [Missing] extends [never] ? true : Missing = true;

const root = join(__dirname, '..');
const localesDir = join(root, 'public/_locales');
const load = (lang: string): Messages => JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const others = readdirSync(localesDir).filter((lang) => lang !== 'en');
const placeholders = (text: string): string[] => [...new Set(text.match(/\$\d/g) ?? [])].sort();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe('locales', () => {
  it('ships English, German and Spanish', () => {
    expect(others).toEqual(expect.arrayContaining(['de', 'es']));
  });

  it.each(others)('%s has exactly the keys of en, each translated with the same placeholders', (lang) => {
    const messages = load(lang);
    expect(Object.keys(en).filter((key) => !(key in messages)), `missing in ${lang}`).toEqual([]);
    expect(Object.keys(messages).filter((key) => !(key in en)), `not in en (stale?) in ${lang}`).toEqual([]);
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), `${lang}/${key} is empty`).not.toBe('');
      expect(placeholders(message), `${lang}/${key} placeholders`).toEqual(placeholders(en[key]?.message ?? ''));
    }
  });

  // Keys in TypeScript are checked by tsc: t() takes a MessageKey (src/shared/i18n.ts), derived from
  // en/messages.json, and keys built from ids are template-literal types. What tsc cannot see:
  it('en has every key the manifest and the HTML pages name', () => {
    const files = [join(root, 'manifest.json'), ...htmlFiles(join(root, 'src'))];
    const used = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? ''));
    expect(used.filter((key) => !(key in en))).toEqual([]);
  });

  it('tsc checks en for the words of every fix and category (see Missing below)', () => {
    expect(everyFixAndCategoryWorded).toBe(true);
  });

  it.each(['en', ...others])('%s has the words of every fix, category, confidence, status and error choice', (lang) => {
    const messages = load(lang);
    const wanted = [
      ...CATEGORIES.flatMap((c) => [`headline_${keyPart(c)}`, `advice_${keyPart(c)}`]),
      ...FIX_IDS.map((f) => `fix_${keyPart(f)}`),
      ...ONE_CLICK.map((f) => `fix_${keyPart(f)}_hint`),
      ...FIX_IDS.filter((f) => 'asksUnlessPerSite' in FIXES[f]).flatMap((f) => [`fix_${keyPart(f)}_gecko`, `fix_${keyPart(f)}_gecko_hint`]),
      ...['certain', 'likely', 'possible'].map((w) => `confidence_${w}`),
      // Known only at run time: the statuses the engine's pre-check watches.
      ...STATUS_CHOICES.map(statusWordKey),
      ...ERROR_CHOICES.map((e) => `error_${e}`),
    ];
    expect(wanted.filter((key) => !(key in messages))).toEqual([]);
  });
});
