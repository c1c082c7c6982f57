import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resources } from '../../shared/i18n/resources';
import { applyMenu, buildMenuTemplate, navigateTo } from './menu';
import { Menu, resetFakeElectron } from './test/fake-electron';

vi.mock('electron', () => import('./test/fake-electron'));

beforeEach(() => resetFakeElectron());

const noop = { navigate: () => {} };
const items = (tpl: MenuItemConstructorOptions[]) =>
  tpl.flatMap((top) => [top, ...((top.submenu as MenuItemConstructorOptions[]) ?? [])]);
const byId = (tpl: MenuItemConstructorOptions[], id: string) => items(tpl).find((i) => i.id === id);

describe('application menu', () => {
  it('is in Vietnamese', () => {
    const tpl = buildMenuTemplate('vi', noop, { devTools: false });
    expect(tpl.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    expect(byId(tpl, 'backup')?.label).toBe('Sao lưu dữ liệu…');
    expect(byId(tpl, 'quit')?.label).toBe('Thoát');
    expect(byId(tpl, 'about')?.label).toBe('Giới thiệu Hội đồng OCOP');
  });

  it('is in English', () => {
    const tpl = buildMenuTemplate('en', noop, { devTools: false });
    expect(tpl.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(byId(tpl, 'backup')?.label).toBe('Back up data…');
    expect(byId(tpl, 'zoomIn')?.label).toBe('Zoom in');
  });

  it.each(['vi', 'en'] as const)('labels every item from the %s menu namespace', (lang) => {
    const labels = new Set(Object.values(resources[lang].menu));
    for (const item of items(buildMenuTemplate(lang, noop, { devTools: false }))) {
      if (item.type === 'separator') continue;
      expect(labels.has(item.label as never), `${item.id ?? item.role} → ${item.label}`).toBe(true);
    }
  });

  it('offers developer tools only in development', () => {
    expect(byId(buildMenuTemplate('vi', noop, { devTools: false }), 'devTools')).toBeUndefined();
    expect(byId(buildMenuTemplate('vi', noop, { devTools: true }), 'devTools')?.role).toBe('toggleDevTools');
  });

  it('opens the backup, about and guide screens through navigate', () => {
    const navigate = vi.fn();
    const tpl = buildMenuTemplate('vi', { navigate }, { devTools: false });
    for (const id of ['backup', 'about', 'userGuide']) (byId(tpl, id)!.click as () => void)();
    expect(navigate.mock.calls).toEqual([['/backup'], ['/about'], ['/guide']]);
  });

  it('installs the built menu, and a rebuild replaces it in the new language', () => {
    applyMenu('vi', noop, { devTools: false });
    expect((Menu.current?.template[0] as MenuItemConstructorOptions).label).toBe('Tệp');
    applyMenu('en', noop, { devTools: false });
    expect((Menu.current?.template[0] as MenuItemConstructorOptions).label).toBe('File');
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('navigates by setting the location hash with a constant script', async () => {
    const run = vi.fn(async () => undefined);
    navigateTo(run, '/about');
    expect(run).toHaveBeenCalledExactlyOnceWith('window.location.hash = "#/about";');
  });
});
