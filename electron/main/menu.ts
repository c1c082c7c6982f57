import { Menu, type MenuItemConstructorOptions } from 'electron';
import { resources, type Lang } from '../../shared/i18n/resources';

/** Screens of the renderer a menu item can open (HashRouter paths, renderer/src/app/routes.tsx). */
export type MenuRoute = '/backup' | '/about' | '/guide';

export interface MenuActions {
  navigate: (route: MenuRoute) => void;
}

export interface MenuOptions {
  /** Developer tools item: only during `electron-vite dev`. */
  devTools: boolean;
}

/**
 * The application menu in `lang`, labels from the `menu` i18n namespace (the same files as the
 * renderer). Pure, so both languages are tested; `applyMenu` installs it. Standard editing and
 * view commands use Electron roles, which bring the platform's shortcuts (Ctrl+C, Ctrl+Plus …);
 * zoom and full screen matter to older council members reading long criteria.
 */
export function buildMenuTemplate(lang: Lang, actions: MenuActions, opts: MenuOptions): MenuItemConstructorOptions[] {
  const t = resources[lang].menu;
  return [
    {
      label: t.file,
      submenu: [
        { id: 'backup', label: t.backup, accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.navigate('/backup') },
        { type: 'separator' },
        { id: 'quit', label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { id: 'undo', label: t.undo, role: 'undo' },
        { id: 'redo', label: t.redo, role: 'redo' },
        { type: 'separator' },
        { id: 'cut', label: t.cut, role: 'cut' },
        { id: 'copy', label: t.copy, role: 'copy' },
        { id: 'paste', label: t.paste, role: 'paste' },
        { id: 'selectAll', label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { id: 'reload', label: t.reload, role: 'reload' },
        ...(opts.devTools ? [{ id: 'devTools', role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
        { type: 'separator' },
        { id: 'resetZoom', label: t.resetZoom, role: 'resetZoom' },
        { id: 'zoomIn', label: t.zoomIn, role: 'zoomIn' },
        { id: 'zoomOut', label: t.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { id: 'toggleFullScreen', label: t.toggleFullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: t.help,
      submenu: [
        { id: 'userGuide', label: t.userGuide, accelerator: 'F1', click: () => actions.navigate('/guide') },
        { type: 'separator' },
        { id: 'about', label: t.about, click: () => actions.navigate('/about') },
      ],
    },
  ];
}

/** Installs the menu; called at start and again whenever the language setting changes. */
export function applyMenu(lang: Lang, actions: MenuActions, opts: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(lang, actions, opts)));
}

/**
 * Opens a renderer screen by changing the location hash (the renderer uses HashRouter), so no
 * extra IPC message or preload API is needed. The script is a constant built from a fixed route.
 */
export function navigateTo(run: (code: string) => Promise<unknown>, route: MenuRoute): void {
  run(`window.location.hash = ${JSON.stringify(`#${route}`)};`).catch((e: unknown) =>
    console.error(`[ocop-main] could not open ${route}`, e),
  );
}
