/**
 * Whether this tab's live socket (#lib/live.ts) is up, for a page to say so (`t.nav.offline`).
 * Online until a socket with subscriptions on it is lost; online again when it is back.
 */
export const connection = $state({ online: true });
