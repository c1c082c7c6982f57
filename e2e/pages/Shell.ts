import type { Page } from '@playwright/test';

/** The app frame: main navigation and the current screen. */
export class Shell {
  constructor(readonly page: Page) {}

  async open(url: string, route = '') {
    await this.page.goto(`${url}#${route}`);
    await this.page.getByTestId('nav-dossiers').waitFor();
  }

  nav(
    key: 'dossiers' | 'councils' | 'sessions' | 'results' | 'documents' | 'criteria' | 'backup' | 'settings' | 'guide' | 'about',
  ) {
    return this.page.getByTestId(`nav-${key}`);
  }

  async go(key: Parameters<Shell['nav']>[0]) {
    await this.nav(key).click();
  }
}
