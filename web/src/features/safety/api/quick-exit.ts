/** A same-origin page with nothing on it but a blank "Notes" sheet (web/public/neutral.html). */
export const neutralPageUrl = '/neutral.html';

/**
 * Leaves Twofold at once: forget cached server data, blank the screen, then replace the current
 * history entry with the neutral page, so Back does not land on this screen. We cannot go to
 * another site: the browser makes no request outside the Twofold server (PRODUCT.md, principle 6).
 */
export function quickExit(forgetData: () => void): void {
  try {
    forgetData();
  } finally {
    document.title = 'Notes';
    document.body.replaceChildren();
    window.location.replace(neutralPageUrl);
  }
}
