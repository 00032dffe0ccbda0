import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The manifest asks for nothing the code does not use, and opens no door to web pages. */
const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown> & { permissions: string[] };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = ['background', 'popup', 'options', 'shared'].flatMap((part) => sources(join(root, 'src', part))).map((file) => readFileSync(file, 'utf8')).join('\n');

/** How each permission shows in the code: the API namespace it unlocks. */
const USE: Record<string, RegExp> = {
  webRequest: /browser\.webRequest\./,
  webNavigation: /browser\.webNavigation\./,
  storage: /browser\.storage\./,
  contextMenus: /browser\.contextMenus\./,
  browsingData: /browser\.browsingData\./,
  cookies: /browser\.cookies\./,
  scripting: /browser\.scripting\./,
  alarms: /browser\.alarms\./,
  notifications: /browser\.notifications\./,
};

describe('manifest', () => {
  it.each(manifest.permissions)('uses the "%s" permission', (permission) => {
    expect(USE[permission], `say in this test how "${permission}" is used, or drop it from manifest.json`).toBeDefined();
    expect(code).toMatch(USE[permission] as RegExp);
  });

  it('has no content scripts, no external messaging and no page-reachable resources', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('never sets HTML from strings (web-ext lint\u2019s one warning is Preact\u2019s unused dangerouslySetInnerHTML path)', () => {
    expect(code).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/);
  });
});
