/**
 * The PIN a member typed, kept for this browser tab only (sessionStorage) so a reload of the
 * sheet does not ask again; it is gone when the window closes. Never written to disk by the app.
 */
const key = (sessionId: number, memberId: number) => `ocop.scoring.pin.${sessionId}.${memberId}`;

export const rememberPin = (sessionId: number, memberId: number, pin: string): void =>
  sessionStorage.setItem(key(sessionId, memberId), pin);
export const rememberedPin = (sessionId: number, memberId: number): string | undefined =>
  sessionStorage.getItem(key(sessionId, memberId)) ?? undefined;
export const forgetPin = (sessionId: number, memberId: number): void => sessionStorage.removeItem(key(sessionId, memberId));
