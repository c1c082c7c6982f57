import { notifications, notificationsStore } from '@mantine/notifications';

/**
 * The app's only way to show a passing message. Confirmations ("Đã lưu…") are one at a time: a new
 * one replaces the last at once instead of piling up, and each closes itself after a few seconds.
 * Errors stay until the person closes them (they may need to read or copy them), and a later
 * confirmation does not push them away. Where they appear is set once in `AppNotifications`.
 */

/** How long a confirmation stays, in ms: long enough to read a short sentence, short enough not to linger. */
export const DONE_AUTO_CLOSE_MS = 4000;

const DONE_TAG = 'ocop-done-';
let seq = 0;

/** Shows a confirmation (or, 'neutral', a plain remark), replacing any confirmation still on screen. */
export function toastDone(message: string, tone: 'done' | 'neutral' = 'done'): void {
  notifications.updateState(notificationsStore, (list) => list.filter((n) => !String(n.id).startsWith(DONE_TAG)));
  seq += 1;
  notifications.show({
    id: `${DONE_TAG}${seq}`,
    color: tone === 'done' ? 'green' : 'gray',
    message,
    autoClose: DONE_AUTO_CLOSE_MS,
    withCloseButton: true,
  });
}

/** Shows an error that stays until closed. */
export function toastError(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: false, withCloseButton: true });
}
