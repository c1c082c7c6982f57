import { expect, type Page } from '@playwright/test';

/**
 * What a fixed-height virtual table (VirtualTable) must never show: a cell's content outside its
 * row (spilling onto the next row) or outside its column (onto the next cell), or text cut short
 * without its whole text in a title. Checks the rows rendered now; returns one line per problem.
 */
async function rowProblems(page: Page, tableLabel: string): Promise<string[]> {
  return page.getByRole('table', { name: tableLabel }).evaluate((table) => {
    const out: string[] = [];
    for (const row of Array.from(table.querySelectorAll('[role=row][aria-rowindex]'))) {
      const r = row.getBoundingClientRect();
      const at = `row ${row.getAttribute('aria-rowindex')}`;
      for (const cell of Array.from(row.querySelectorAll('[role=cell]'))) {
        const c = cell.getBoundingClientRect();
        for (const el of [cell, ...Array.from(cell.querySelectorAll('*'))]) {
          const b = el.getBoundingClientRect();
          if (b.width === 0 || b.height === 0) continue;
          const text = (el.textContent ?? '').trim().slice(0, 60);
          if (b.top < r.top - 1 || b.bottom > r.bottom + 1) out.push(`${at}: "${text}" spills out of its row`);
          if (b.left < c.left - 1 || b.right > c.right + 1) out.push(`${at}: "${text}" spills out of its column`);
          const clipped = getComputedStyle(el).overflow !== 'visible';
          const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
          if (clipped && cut && !el.closest('[title]')) out.push(`${at}: "${text}" is cut`);
        }
      }
    }
    return out;
  });
}

/** Checks the rows at the top, the middle and the end of the list (the list renders only what is in view). */
export async function expectRowsFit(page: Page, tableLabel: string, scrollTestId: string): Promise<void> {
  const scroll = page.getByTestId(scrollTestId);
  await expect(
    page.getByRole('table', { name: tableLabel }).locator('[role=row][aria-rowindex] [role=cell]').first(),
  ).toBeVisible();
  const found: string[] = [];
  for (const at of [0, 0.5, 1]) {
    await scroll.evaluate((el, f) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) * f), at);
    // Rows of a page not fetched yet show a loading line; wait until every rendered row has its cells.
    await expect(page.getByRole('table', { name: tableLabel }).getByText(/Loading…|Đang tải/u)).toHaveCount(0);
    found.push(...(await rowProblems(page, tableLabel)));
  }
  expect([...new Set(found)]).toEqual([]);
}
