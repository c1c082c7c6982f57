import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
// js-yaml is what electron-builder itself reads these files with.
const yaml = require('js-yaml') as { load: (s: string) => unknown };
const templates = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'templates', 'nsis');
const VIETNAMESE = 1066;
const ENGLISH = 1033;

/** electron-builder's own installer messages: id → English text (the files it ships). */
const messages = Object.entries({
  ...(yaml.load(fs.readFileSync(path.join(templates, 'messages.yml'), 'utf8')) as Record<string, { en: string }>),
  ...(yaml.load(fs.readFileSync(path.join(templates, 'assistedMessages.yml'), 'utf8')) as Record<string, { en: string }>),
}).map(([id, t]) => ({ id, en: t.en }));

const nsh = fs.readFileSync(path.join(root, 'build', 'installer.nsh'), 'utf8');
const ours = new Map([...nsh.matchAll(/^\s*LangString (\w+) (\d+) "(.*)"$/gm)].map((m) => [`${m[1]}:${m[2]}`, m[3]!]));

describe('Vietnamese installer strings (build/installer.nsh)', () => {
  it('translate every message electron-builder adds to the installer', () => {
    expect(messages.length).toBeGreaterThan(20);
    const missing = messages.filter((m) => !ours.has(`${m.id}:${VIETNAMESE}`)).map((m) => m.id);
    expect(missing).toEqual([]);
  });

  it('keep the placeholders of the English text, and are really Vietnamese', () => {
    for (const m of messages) {
      const vi = ours.get(`${m.id}:${VIETNAMESE}`)!;
      for (const p of m.en.match(/\$\{\w+\}/g) ?? []) expect(vi, m.id).toContain(p);
      expect(vi, m.id).not.toBe(m.en);
    }
    const withMarks = [...ours.values()].filter((v) => /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i.test(v));
    expect(withMarks.length).toBe(ours.size);
  });

  it('are redefinitions placed after electron-builder’s (inside customHeader) with warning 6030 silenced', () => {
    expect(nsh).toMatch(/!macro customHeader[\s\S]*!pragma warning disable 6030[\s\S]*LangString[\s\S]*!macroend/);
  });

  it('compile with makensis -WX after the English fallbacks electron-builder writes, as electron-builder compiles', () => {
    // Not in /tmp: makensis refuses to write an installer into a world-writable folder (warning 9000).
    fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(root, '.tmp', 'nsis-'));
    const q = (s: string) => s.replace(/\n/g, '$\\r$\\n');
    // What electron-builder generates: both languages, then each message in English for both
    // (Vietnamese falls back to English), then installer.nsi inserts customHeader.
    const script = [
      'Unicode true',
      '!define PRODUCT_NAME "OCOP Council"',
      '!include "MUI2.nsh"',
      `!include "${path.join(root, 'build', 'installer.nsh')}"`,
      `OutFile "${path.join(dir, 'ocop-installer-check.exe')}"`,
      '!insertmacro MUI_PAGE_INSTFILES',
      '!insertmacro MUI_LANGUAGE "English"',
      '!insertmacro MUI_LANGUAGE "Vietnamese"',
      ...messages.flatMap((m) => [`LangString ${m.id} ${ENGLISH} "${q(m.en)}"`, `LangString ${m.id} ${VIETNAMESE} "${q(m.en)}"`]),
      '!insertmacro customHeader',
      'Section',
      ...messages.map((m) => `  DetailPrint "$(${m.id})"`),
      'SectionEnd',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'installer.nsi'), script);
    const r = spawnSync('makensis', ['-WX', '-INPUTCHARSET', 'UTF8', '-V2', path.join(dir, 'installer.nsi')], {
      encoding: 'utf8',
    });
    expect(r.error, 'makensis is installed by scripts/setup.sh (Debian package nsis)').toBeUndefined();
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
    expect(r.status).toBe(0);
    expect(fs.statSync(path.join(dir, 'ocop-installer-check.exe')).size).toBeGreaterThan(10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
