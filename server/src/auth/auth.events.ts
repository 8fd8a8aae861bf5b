/**
 * Sessions ended by signOut / signOutEverywhere / redeemInvitation / a reported compromise. Every
 * server instance hears it (through Redis when set) and closes the sockets those sessions opened
 * (close code 4401).
 */
export const SESSIONS_REVOKED = 'auth.sessionsRevoked';

export interface SessionsRevoked {
  /** One session (signOut). */
  sessionId?: string;
  /** Every session of a person (signOutEverywhere). */
  personId?: string;
  /** With `personId`: the session that stays open (the one redeemInvitation has just issued). */
  exceptSessionId?: string;
}
