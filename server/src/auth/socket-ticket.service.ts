import type { EntityManager } from '@mikro-orm/postgresql';
import { SocketTicket } from './socket-ticket.entity.js';
import { newSessionToken, sha256 } from './tokens.js';
import type { Viewer } from './viewer.js';

/** Long enough for a slow school network to open the socket, short enough to be useless later. */
export const SOCKET_TICKET_TTL_MS = 60_000;

export interface IssuedSocketTicket {
  ticket: string;
  expiresAt: Date;
}

/** A one-time ticket for the viewer's own session; expired tickets are swept on the way. */
export async function issueSocketTicket(
  em: EntityManager,
  viewer: Viewer,
  now = new Date(),
): Promise<IssuedSocketTicket> {
  const ticket = newSessionToken();
  const expiresAt = new Date(now.getTime() + SOCKET_TICKET_TTL_MS);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(SocketTicket, { expiresAt: { $lte: now } });
    tx.create(SocketTicket, {
      session: viewer.sessionId,
      ticketHash: sha256(ticket),
      expiresAt,
    });
  });
  return { ticket, expiresAt };
}

/**
 * Redeems a ticket once: the row is deleted in the same statement that reads it, so two sockets
 * racing with one ticket cannot both win. Returns the session id, or null for an unknown, used or
 * expired ticket. Whether the session itself is still live is the caller's check (the viewer).
 */
export async function redeemSocketTicket(
  em: EntityManager,
  ticket: string,
  now = new Date(),
): Promise<string | null> {
  if (!ticket || ticket.length > 200) {
    return null;
  }
  const rows = await em.execute<{ session_id: string }[]>(
    'delete from socket_ticket where ticket_hash = ? and expires_at > ? returning session_id',
    [sha256(ticket), now],
  );
  return rows[0]?.session_id ?? null;
}
