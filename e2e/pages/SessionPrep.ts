import type { Page } from '@playwright/test';

/** The session preparation screen: tabs, the quorum indicator and per-product quorum badges. */
export class SessionPrep {
  constructor(readonly page: Page) {}

  tab(name: RegExp | string) {
    return this.page.getByRole('tab', { name });
  }

  quorum() {
    return this.page.getByTestId('session-quorum');
  }

  productQuorum(registrationId: number) {
    return this.page.getByTestId(`product-quorum-${registrationId}`);
  }

  /** Sets a member's roll-call mark by clicking the segment in their row. */
  async mark(memberName: string, state: 'Có mặt' | 'Vắng' | 'Chưa ghi') {
    const group = this.page.getByRole('radiogroup', { name: `Điểm danh ${memberName}` });
    await group.getByText(state, { exact: true }).click();
  }
}
