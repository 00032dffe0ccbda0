import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CATEGORIES, FIX_IDS } from '../src/engine/types';
import { ERROR_CHOICES, STATUS_CHOICES } from '../src/shared/settings';

// settings.ts reads storage through the browser module, which only loads inside an extension.
vi.mock('../src/shared/browser', () => ({ browser: {} }));

type Messages = Record<string, { message: string; description?: string }>;

const root = join(__dirname, '..');
const localesDir = join(root, 'public/_locales');
const load = (lang: string): Messages => JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const others = readdirSync(localesDir).filter((lang) => lang !== 'en');
const placeholders = (text: string): string[] => [...new Set(text.match(/\$\d/g) ?? [])].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
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

  it('en has every key the code asks for by name', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      // t('key'), t("key", ...) and message keys handed back by the worker ({ message: 'key' }).
      for (const m of text.matchAll(/\bt\(\s*['"]([\w@]+)['"]/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/\bt\(\s*\w+ === '\w+' \? '(\w+)' : '(\w+)'/g)) [m[1], m[2]].forEach((k) => used.add(k ?? ''));
      for (const m of text.matchAll(/\bmessage: '(\w+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/__MSG_(\w+)__/g)) used.add(m[1] ?? '');
    }
    for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)) used.add(m[1] ?? '');
    expect([...used].filter((key) => key && !(key in en))).toEqual([]);
  });

  it('en has every key the code builds from ids', () => {
    const part = (id: string | number): string => String(id).replace(/-/g, '_');
    const wanted = [
      ...CATEGORIES.flatMap((c) => [`headline_${part(c)}`, `advice_${part(c)}`]),
      ...FIX_IDS.map((f) => `fix_${part(f)}`),
      ...['certain', 'likely', 'possible'].map((w) => `confidence_${w}`),
      ...STATUS_CHOICES.map((s) => `status_${s}`),
      ...ERROR_CHOICES.map((e) => `error_${e}`),
    ];
    expect(wanted.filter((key) => !(key in en))).toEqual([]);
  });
});
