import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious or critical accessibility problems (axe, WCAG 2.x A/AA rules) on the page, or inside
 * `selector`: one line each (rule, element, what to fix), so a failing expectation says what broke.
 */
export async function axeProblems(page: Page, selector?: string): Promise<string[]> {
  // Colours caught mid-transition (a button's label fading back in after loading) measure as a
  // contrast the screen never rests at: let CSS transitions finish first (spinners are animations
  // that never end, so only transitions are waited for).
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)), undefined, {
    timeout: 5_000,
  });
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const r = await (selector ? builder.include(selector) : builder).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}
