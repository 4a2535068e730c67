/**
 * How long the confirmation page and the receipt of a complaint sent online are shown again to the
 * browser that sent it, counted from when the complaint was sent. Kept short because the device may
 * be shared with the other party in the case: long enough to note the reference and open the
 * receipt, and no longer. After it, a calm page says the complaint is safe.
 */
export const CONFIRMATION_SHOWN_MINUTES = 30;

/** Whether the confirmation of a complaint sent at `sentAt` may still be shown at `now`. */
export function isConfirmationShown(sentAt: Date, now: Date): boolean {
  return now.getTime() - sentAt.getTime() < CONFIRMATION_SHOWN_MINUTES * 60 * 1000;
}
