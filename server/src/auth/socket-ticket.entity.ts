import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../core/base.entity.js';
import { Session } from './session.entity.js';

/**
 * A one-time ticket that opens one WebSocket for a session. The web client keeps its session
 * token in an httpOnly cookie that page scripts cannot read; its server asks for a ticket with
 * the token and hands the page only the ticket, which is good for one connection within a minute.
 * Only the ticket's SHA-256 is stored, like a session token's.
 */
@Entity({ tableName: 'socket_ticket' })
@Index({ name: 'socket_ticket_expires_at_idx', properties: ['expiresAt'] })
export class SocketTicket extends BaseEntity {
  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session!: Session;

  @Property({ type: 'text', unique: true, hidden: true })
  ticketHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
