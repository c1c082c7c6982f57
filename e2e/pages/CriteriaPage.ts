import type { Page } from '@playwright/test';

/** "Bộ tiêu chí": the list of sets, the search, and one set shown as the form. */
export class CriteriaPage {
  constructor(readonly page: Page) {}

  setLink(setNo: number) {
    return this.page.getByTestId(`set-link-${setNo}`);
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Tìm trong nội dung tiêu chí' });
  }

  /** One criterion of the open set: its heading row and all its answer levels. */
  criterion(code: string) {
    return this.page.getByTestId(`criterion-${code}`);
  }

  level(code: string, n: number) {
    return this.page.getByTestId(`level-${code}-${n}`);
  }
}
